package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6: the packaged server refuses to serve a corrupt index and says why. */
class CorruptIndexIT {

  @Test
  void corruptIndexIsReportedAndNotServed(@TempDir Path folder) throws Exception {
    Path index = folder.resolve("index");
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      for (int i = 0; i < 30; i++) {
        Article article =
            new Article(
                "c" + i,
                null,
                "Title " + i,
                "Some body text " + i,
                List.of(),
                null,
                null,
                List.of());
        articles.write(new TaggedArticle(article, List.of(), List.of(), List.of(), List.of()));
      }
    }
    Path biggest;
    try (Stream<Path> files = Files.list(index)) {
      biggest = files.max(Comparator.comparingLong(file -> file.toFile().length())).orElseThrow();
    }
    try (FileChannel channel =
        FileChannel.open(biggest, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long at = channel.size() / 2;
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, at);
      channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0xFF)}), at);
    }
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> JarServer.start(null, "--port", "0", "--index", index.toString()));
    assertTrue(refused.getMessage().contains("is corrupt"), refused.getMessage());
    assertTrue(refused.getMessage().contains("refusing to serve it"), refused.getMessage());
  }
}
