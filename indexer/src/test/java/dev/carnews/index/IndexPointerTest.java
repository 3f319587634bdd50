package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pointer beside {@code --index DIR} that names the folder serving it after a reindex. */
class IndexPointerTest {

  @TempDir Path work;

  @Test
  void withoutAPointerTheFolderItselfIsTheIndex() throws IOException {
    Path home = Files.createDirectories(work.resolve("index"));
    assertEquals(home, IndexPointer.resolve(home));
    assertFalse(IndexPointer.isSwitched(home));
  }

  @Test
  void aSwitchNamesTheSiblingAndPointingBackRemovesThePointer() throws IOException {
    Path home = Files.createDirectories(work.resolve("index"));
    Path built = Files.createDirectories(work.resolve("index.20261206T223000Z"));
    IndexPointer.switchTo(home, built, home);
    assertEquals(work.resolve("index.current"), IndexPointer.fileOf(home));
    assertEquals(built.toAbsolutePath(), IndexPointer.resolve(home).toAbsolutePath());
    assertFalse(Files.exists(work.resolve("index.current.tmp")), "moved, not copied");
    IndexPointer.pointBack(home, home);
    assertEquals(home, IndexPointer.resolve(home));
  }

  @Test
  void aPointerToNothingOrOutsideTheParentIsRefused() throws IOException {
    Path home = Files.createDirectories(work.resolve("index"));
    Files.writeString(work.resolve("index.current"), "index=gone\n", StandardCharsets.UTF_8);
    assertTrue(
        assertThrows(IOException.class, () -> IndexPointer.resolve(home))
            .getMessage()
            .contains("does not exist"));
    Files.writeString(work.resolve("index.current"), "index=../etc\n", StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> IndexPointer.resolve(home));
    assertThrows(
        IllegalArgumentException.class,
        () -> IndexPointer.switchTo(home, Files.createDirectories(work.resolve("a/b")), home));
  }
}
