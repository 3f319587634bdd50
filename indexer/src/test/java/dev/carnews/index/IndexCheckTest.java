package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6: a corrupt index is detected before it is served. */
class IndexCheckTest {

  @Test
  void aMissingFolderPassesAndIsNotCreated(@TempDir Path folder) {
    Path missing = folder.resolve("missing");
    assertDoesNotThrow(() -> IndexCheck.verify(missing, false));
    assertDoesNotThrow(() -> IndexCheck.verify(missing, true));
    assertFalse(Files.exists(missing), "verify must not create the folder");
  }

  @Test
  void anEmptyFolderPassesAndStaysEmpty(@TempDir Path folder) throws IOException {
    assertDoesNotThrow(() -> IndexCheck.verify(folder, false));
    assertDoesNotThrow(() -> IndexCheck.verify(folder, true));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(0, files.count(), "verify must not write into the folder");
    }
  }

  @Test
  void aCleanIndexPassesBothChecksAndKeepsItsArticles(@TempDir Path folder) throws IOException {
    write(folder);
    assertDoesNotThrow(() -> IndexCheck.verify(folder, false));
    assertDoesNotThrow(() -> IndexCheck.verify(folder, true));
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      assertEquals(50, index.count());
    }
  }

  @Test
  void aFlippedByteIsReportedAsCorrupt(@TempDir Path folder) throws IOException {
    write(folder);
    Path biggest;
    try (Stream<Path> files = Files.list(folder)) {
      biggest =
          files
              .filter(file -> !file.getFileName().toString().equals("write.lock"))
              .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
              .orElseThrow();
    }
    try (FileChannel channel =
        FileChannel.open(biggest, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long at = channel.size() / 2;
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, at);
      one.flip();
      byte flipped = (byte) (one.get() ^ 0xFF);
      channel.write(ByteBuffer.wrap(new byte[] {flipped}), at);
    }
    IOException refused =
        assertThrows(
            IndexCheck.CorruptIndexFolderException.class, () -> IndexCheck.verify(folder, false));
    assertTrue(refused.getMessage().contains("is corrupt"), refused.getMessage());
    assertTrue(refused.getMessage().contains("refusing to serve it"), refused.getMessage());
  }

  private static void write(Path folder) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      for (int i = 0; i < 50; i++) {
        Article article =
            new Article(
                "a" + i,
                null,
                "Title " + i,
                "A body with some words about batteries and vans " + i + ".",
                List.of(),
                null,
                null,
                List.of());
        index.write(new TaggedArticle(article, List.of(), List.of(), List.of(), List.of()));
      }
    }
  }
}
