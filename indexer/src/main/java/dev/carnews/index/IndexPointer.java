package dev.carnews.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;

/**
 * Which folder serves the index named {@code --index DIR} after a reindex: a small properties file
 * beside it, {@code DIR.current}, naming a sibling folder. Without that file, {@code DIR} itself is
 * the index (every layout from before reindexing works unchanged). The file is replaced by an
 * atomic move of a fsynced copy, so a process killed while switching leaves either the old pointer
 * (or none) or the new one, never a torn one.
 */
public final class IndexPointer {

  /** The suffix of the pointer file beside the home folder. */
  public static final String SUFFIX = ".current";

  /** The key of the serving folder's name, relative to the home folder's parent. */
  private static final String INDEX = "index";

  private IndexPointer() {}

  /** The pointer file of a home folder: {@code DIR.current} beside it. */
  public static Path fileOf(Path home) {
    Path absolute = home.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + SUFFIX);
  }

  /**
   * The folder that serves {@code home}: the one its pointer names, else {@code home} itself.
   *
   * @throws IOException when the pointer cannot be read or names nothing
   */
  public static Path resolve(Path home) throws IOException {
    Path pointer = fileOf(home);
    if (!Files.exists(pointer)) {
      return home;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(pointer)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    String name = properties.getProperty(INDEX, "").strip();
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IOException("the index pointer " + pointer + " names no sibling folder: " + name);
    }
    Path target = pointer.resolveSibling(name);
    if (!Files.isDirectory(target)) {
      throw new IOException(
          "the index pointer " + pointer + " names " + target + ", which does not exist");
    }
    return target;
  }

  /** Whether {@code home} is served from a folder a pointer names. */
  public static boolean isSwitched(Path home) {
    return Files.exists(fileOf(home));
  }

  /**
   * Makes {@code target}, a sibling of {@code home}, the folder that serves it, atomically: the new
   * pointer is written and fsynced beside the old one, then moved over it, and the parent folder is
   * fsynced so the move survives a crash.
   */
  public static void switchTo(Path home, Path target, Path previous) throws IOException {
    Path pointer = fileOf(home);
    Path absoluteTarget = target.toAbsolutePath().normalize();
    if (!absoluteTarget.getParent().equals(pointer.getParent())) {
      throw new IllegalArgumentException(target + " is not beside " + home);
    }
    // Written by hand rather than by Properties.store, whose comment line is a date in the
    // default time zone: the file is the same wherever it is written.
    String text =
        "# The folder that serves "
            + home.toAbsolutePath().normalize().getFileName()
            + "\n"
            + INDEX
            + "="
            + absoluteTarget.getFileName()
            + "\nprevious="
            + previous.toAbsolutePath().normalize().getFileName()
            + "\nswitched="
            + Instant.now()
            + "\n";
    Path temporary = pointer.resolveSibling(pointer.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    fsync(temporary, false);
    try {
      Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot replace " + pointer + " atomically", e);
    }
    fsync(pointer.getParent(), true);
  }

  /**
   * Makes {@code folder} serve {@code home} again after a switch that could not be completed: the
   * pointer is removed when {@code folder} is {@code home} itself, else moved to name it.
   */
  public static void pointBack(Path home, Path folder) throws IOException {
    Path pointer = fileOf(home);
    if (folder.toAbsolutePath().normalize().equals(home.toAbsolutePath().normalize())) {
      Files.deleteIfExists(pointer);
      fsync(pointer.getParent(), true);
    } else {
      switchTo(home, folder, folder);
    }
  }

  private static void fsync(Path path, boolean folder) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      if (!folder) {
        throw e;
      }
      // Some platforms cannot open a folder to sync it; the move is then as durable as they allow.
    }
  }
}
