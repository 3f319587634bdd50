package dev.carnews.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.IOUtils;

/**
 * A backup repository: a folder of backups of one index, each a subfolder that is a complete,
 * readable Lucene index of one commit point plus a manifest ({@value #MANIFEST}).
 *
 * <p>Lucene never changes a file once written and never reuses a name, so a file that an earlier
 * backup already holds (same name, length and checksum) is hard-linked from it instead of copied: a
 * second backup copies only the segments written since. Deleting a backup deletes its links only.
 *
 * <p>A backup is written into {@code .incomplete-NAME} and renamed into place once every file and
 * the manifest are on disk, so a process killed during a backup leaves the earlier backups as they
 * were and the next backup clears the leftovers. One backup at a time writes to a repository (a
 * file lock says so).
 */
public final class IndexBackups {

  /** The manifest of a backup: what it holds, written last. */
  public static final String MANIFEST = "backup.properties";

  private static final String INCOMPLETE = ".incomplete-";
  private static final String LOCK = ".backup.lock";

  /** How often a copy of the latest commit is retried when a merge deleted one of its files. */
  private static final int ATTEMPTS = 20;

  private static final DateTimeFormatter NAMES =
      DateTimeFormatter.ofPattern("'backup-'yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Path repository;

  private IndexBackups(Path repository) {
    this.repository = repository;
  }

  /** The repository in this folder (created with the first backup). */
  public static IndexBackups at(Path repository) {
    return new IndexBackups(repository.toAbsolutePath());
  }

  /** The repository folder. */
  public Path folder() {
    return repository;
  }

  /**
   * Backs up the last commit of the index in {@code indexFolder} without taking its write lock, so
   * it is safe while another process (the running service) writes to it. The files of the commit
   * are opened before any is copied; an open file stays readable even when the writer deletes it
   * after a newer commit, so the copy is of exactly that commit. When a merge deleted a file before
   * it could be opened, the copy starts over with the newer commit (files already copied are
   * reused).
   *
   * @param keep how many backups to keep, the newest; older ones are deleted after this one
   */
  public BackupInfo backupLatestCommit(Path indexFolder, int keep) throws IOException {
    NoSuchFileException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SegmentInfos commit;
      try (Directory directory = FSDirectory.open(indexFolder)) {
        commit = SegmentInfos.readLatestCommit(directory);
      }
      try {
        return backup(indexFolder, commit.getSegmentsFileName(), commit.files(true), keep);
      } catch (NoSuchFileException e) {
        last = e;
      }
    }
    throw new IOException("the index kept changing under the backup; try again", last);
  }

  /**
   * Backs up a commit whose files the caller keeps from deletion (a snapshot of {@link
   * org.apache.lucene.index.SnapshotDeletionPolicy}).
   */
  BackupInfo backup(Path indexFolder, IndexCommit commit, int keep) throws IOException {
    return backup(indexFolder, commit.getSegmentsFileName(), commit.getFileNames(), keep);
  }

  private BackupInfo backup(
      Path indexFolder, String segmentsFile, Collection<String> commitFiles, int keep)
      throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, was " + keep);
    }
    Files.createDirectories(repository);
    try (FileChannel lockFile =
            FileChannel.open(
                repository.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile)) {
      clearIncomplete();
      Map<String, Stored> known = knownFiles();
      TreeSet<String> names = new TreeSet<>(commitFiles);
      names.add(segmentsFile);
      Map<String, FileChannel> sources = new LinkedHashMap<>();
      try {
        // Opened first, all of them: from here on the writer deleting one does not matter.
        for (String name : names) {
          sources.put(name, FileChannel.open(indexFolder.resolve(name), StandardOpenOption.READ));
        }
        return copy(sources, known, keep);
      } finally {
        for (FileChannel source : sources.values()) {
          source.close();
        }
      }
    }
  }

  private BackupInfo copy(Map<String, FileChannel> sources, Map<String, Stored> known, int keep)
      throws IOException {
    Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String name = uniqueName(created);
    Path incomplete = repository.resolve(INCOMPLETE + name);
    Files.createDirectories(incomplete);
    Map<String, Stored> files = new TreeMap<>();
    List<String> copied = new ArrayList<>();
    long bytes = 0;
    long copiedBytes = 0;
    for (Map.Entry<String, FileChannel> source : sources.entrySet()) {
      String file = source.getKey();
      FileChannel channel = source.getValue();
      long length = channel.size();
      long checksum = footerChecksum(channel, file);
      Path target = incomplete.resolve(file);
      Stored same = known.get(file);
      if (same == null
          || same.length() != length
          || same.checksum() != checksum
          || !link(same.path(), target)) {
        copyAll(channel, target);
        copied.add(file);
        copiedBytes += length;
      }
      files.put(file, new Stored(target, length, checksum));
      bytes += length;
    }
    BackupInfo info;
    try (Directory backup = FSDirectory.open(incomplete)) {
      // A copied file is read back whole: the backup holds what the index held, bit for bit.
      for (String file : copied) {
        try (IndexInput input = backup.openInput(file, IOContext.READONCE)) {
          CodecUtil.checksumEntireFile(input);
        }
      }
      info = describe(backup, name, created, bytes, copiedBytes);
    }
    writeManifest(incomplete, info, files);
    fsyncFolder(incomplete);
    Files.move(incomplete, repository.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fsyncFolder(repository);
    prune(keep);
    return info;
  }

  /** The backups of the repository, oldest first; folders without a manifest are not backups. */
  public List<BackupInfo> list() throws IOException {
    if (!Files.isDirectory(repository)) {
      return List.of();
    }
    List<BackupInfo> backups = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(repository)) {
      for (Path folder : folders) {
        String name = folder.getFileName().toString();
        if (!name.startsWith(INCOMPLETE) && Files.isRegularFile(folder.resolve(MANIFEST))) {
          backups.add(readManifest(folder).info());
        }
      }
    }
    backups.sort(Comparator.comparing(BackupInfo::name));
    return List.copyOf(backups);
  }

  /** The newest backup, if there is one. */
  public Optional<BackupInfo> latest() throws IOException {
    List<BackupInfo> backups = list();
    return backups.isEmpty() ? Optional.empty() : Optional.of(backups.get(backups.size() - 1));
  }

  /** The folder of one backup of this repository. */
  public Path folderOf(BackupInfo backup) {
    return repository.resolve(backup.name());
  }

  /** The manifest of the backup in {@code folder}. */
  public static BackupInfo read(Path folder) throws IOException {
    return readManifest(folder).info();
  }

  /** Whether {@code folder} is one backup (it has a manifest), not a repository of them. */
  public static boolean isBackup(Path folder) {
    return Files.isRegularFile(folder.resolve(MANIFEST));
  }

  /**
   * Copies a backup into {@code target}, which must be missing or empty, then verifies it: Lucene's
   * {@link org.apache.lucene.index.CheckIndex} on every structure, and the article count and newest
   * article the manifest recorded.
   *
   * @throws IOException when a file cannot be copied or the restored index differs from the backup
   */
  public static BackupInfo restore(Path backupFolder, Path target) throws IOException {
    Manifest manifest = readManifest(backupFolder);
    if (Files.exists(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(
              "refusing to restore into " + target.toAbsolutePath() + ": it is not empty");
        }
      }
    }
    Files.createDirectories(target);
    String segments = null;
    for (String file : manifest.files().keySet()) {
      if (file.startsWith("segments_")) {
        segments = file;
        continue;
      }
      copyFile(backupFolder.resolve(file), target.resolve(file));
    }
    if (segments == null) {
      throw new IOException("the backup at " + backupFolder + " has no commit point");
    }
    // The commit point last: until it is there, the folder holds no index at all.
    copyFile(backupFolder.resolve(segments), target.resolve(segments));
    fsyncFolder(target);
    IndexCheck.verify(target, true);
    BackupInfo expected = manifest.info();
    try (Directory restored = FSDirectory.open(target)) {
      BackupInfo found =
          describe(restored, expected.name(), expected.created(), expected.bytes(), 0);
      if (found.articles() != expected.articles()
          || !found.newestId().equals(expected.newestId())) {
        throw new IOException(
            "the restored index holds "
                + found.articles()
                + " articles, newest "
                + found.newest().orElse("none")
                + "; the backup recorded "
                + expected.articles()
                + ", newest "
                + expected.newest().orElse("none"));
      }
    }
    return expected;
  }

  /** The article count, newest article and user data of the index in {@code directory}. */
  private static BackupInfo describe(
      Directory directory, String name, Instant created, long bytes, long copiedBytes)
      throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      String newestId = "";
      long newestPublished = -1;
      if (reader.numDocs() > 0) {
        IndexSearcher searcher = new IndexSearcher(reader);
        TopFieldDocs top = searcher.search(new MatchAllDocsQuery(), 1, ArticleSchema.newestFirst());
        FieldDoc newest = (FieldDoc) top.scoreDocs[0];
        newestId = searcher.storedFields().document(newest.doc).get(ArticleSchema.ID);
        Object published = newest.fields[0];
        if (published instanceof Long millis && millis != Long.MIN_VALUE) {
          newestPublished = millis;
        }
      }
      return new BackupInfo(
          name,
          created,
          reader.getIndexCommit().getGeneration(),
          reader.numDocs(),
          newestId == null ? "" : newestId,
          newestPublished,
          bytes,
          copiedBytes,
          reader.getIndexCommit().getUserData());
    }
  }

  /**
   * Deletes the oldest backups beyond {@code keep}. Each is first renamed out of the list, so a
   * process killed while deleting leaves a leftover for the next backup to clear, never a listed
   * backup with files missing.
   */
  private void prune(int keep) throws IOException {
    List<BackupInfo> backups = list();
    for (int i = 0; i < backups.size() - keep; i++) {
      Path doomed = repository.resolve(INCOMPLETE + backups.get(i).name());
      Files.move(folderOf(backups.get(i)), doomed, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(doomed);
    }
  }

  /** Removes what a backup killed half-way left behind; the repository lock is held. */
  private void clearIncomplete() throws IOException {
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(repository, INCOMPLETE + "*")) {
      for (Path folder : folders) {
        deleteTree(folder);
      }
    }
  }

  /** Every file the complete backups hold, by name, for reuse. */
  private Map<String, Stored> knownFiles() throws IOException {
    Map<String, Stored> known = new HashMap<>();
    for (BackupInfo backup : list()) {
      Manifest manifest = readManifest(folderOf(backup));
      manifest.files().forEach(known::putIfAbsent);
    }
    return known;
  }

  private String uniqueName(Instant created) {
    String base = NAMES.format(created);
    String name = base;
    for (int n = 1;
        Files.exists(repository.resolve(name))
            || Files.exists(repository.resolve(INCOMPLETE + name));
        n++) {
      name = base + "-" + n;
    }
    return name;
  }

  private FileLock tryLock(FileChannel lockFile) throws IOException {
    FileLock lock;
    try {
      lock = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new RepositoryBusyException(repository);
    }
    return lock;
  }

  /** Another backup is writing to the repository: one at a time. */
  public static final class RepositoryBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    RepositoryBusyException(Path repository) {
      super("another backup is writing to " + repository + "; try again when it is done");
    }
  }

  /** A file a backup holds: where, how long, and the checksum of its Lucene footer. */
  private record Stored(Path path, long length, long checksum) {}

  /** A parsed manifest. */
  private record Manifest(BackupInfo info, Map<String, Stored> files) {}

  private static void writeManifest(Path folder, BackupInfo info, Map<String, Stored> files)
      throws IOException {
    Properties properties = new Properties();
    properties.setProperty("name", info.name());
    properties.setProperty("created", info.created().toString());
    properties.setProperty("generation", Long.toString(info.generation()));
    properties.setProperty("articles", Long.toString(info.articles()));
    properties.setProperty("newest.id", info.newestId());
    properties.setProperty("newest.published", Long.toString(info.newestPublished()));
    properties.setProperty("bytes", Long.toString(info.bytes()));
    properties.setProperty("copied.bytes", Long.toString(info.copiedBytes()));
    info.userData().forEach((key, value) -> properties.setProperty("user." + key, value));
    files.forEach(
        (file, stored) ->
            properties.setProperty(
                "file." + file, stored.length() + ":" + Long.toHexString(stored.checksum())));
    Path manifest = folder.resolve(MANIFEST);
    try (OutputStream out = Files.newOutputStream(manifest);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      properties.store(writer, "news-search index backup");
    }
    fsync(manifest);
  }

  private static Manifest readManifest(Path folder) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve(MANIFEST));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IOException(folder.toAbsolutePath() + " is not a backup: it has no " + MANIFEST, e);
    }
    Map<String, String> userData = new TreeMap<>();
    Map<String, Stored> files = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key);
      if (key.startsWith("user.")) {
        userData.put(key.substring("user.".length()), value);
      } else if (key.startsWith("file.")) {
        String file = key.substring("file.".length());
        int colon = value.indexOf(':');
        files.put(
            file,
            new Stored(
                folder.resolve(file),
                Long.parseLong(value.substring(0, colon)),
                Long.parseUnsignedLong(value.substring(colon + 1), 16)));
      }
    }
    try {
      BackupInfo info =
          new BackupInfo(
              properties.getProperty("name", folder.getFileName().toString()),
              Instant.parse(properties.getProperty("created")),
              Long.parseLong(properties.getProperty("generation")),
              Long.parseLong(properties.getProperty("articles")),
              properties.getProperty("newest.id", ""),
              Long.parseLong(properties.getProperty("newest.published", "-1")),
              Long.parseLong(properties.getProperty("bytes")),
              Long.parseLong(properties.getProperty("copied.bytes")),
              userData);
      return new Manifest(info, files);
    } catch (RuntimeException e) {
      throw new IOException("the manifest of " + folder + " is damaged: " + e, e);
    }
  }

  /** The checksum a Lucene file records in its footer (verified against the content later). */
  private static long footerChecksum(FileChannel channel, String file) throws IOException {
    long length = channel.size();
    if (length < CodecUtil.footerLength()) {
      throw new IOException("index file " + file + " is too short to be complete");
    }
    ByteBuffer footer = ByteBuffer.allocate(CodecUtil.footerLength());
    long position = length - footer.capacity();
    while (footer.hasRemaining()) {
      if (channel.read(footer, position + footer.position()) < 0) {
        throw new IOException("index file " + file + " ended early");
      }
    }
    footer.flip();
    if (footer.getInt() != CodecUtil.FOOTER_MAGIC) {
      throw new IOException("index file " + file + " has no Lucene footer");
    }
    footer.getInt(); // the checksum algorithm: 0, CRC32
    return footer.getLong();
  }

  /** Hard-links {@code target} to {@code existing}; false when the file system cannot. */
  private static boolean link(Path existing, Path target) throws IOException {
    try {
      Files.createLink(target, existing);
      return true;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.deleteIfExists(target);
      return false;
    }
  }

  private static void copyAll(FileChannel source, Path target) throws IOException {
    try (FileChannel out =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long length = source.size();
      for (long position = 0; position < length; ) {
        position += source.transferTo(position, length - position, out);
      }
      out.force(true);
    }
  }

  private static void copyFile(Path source, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      copyAll(in, target);
    }
  }

  private static void fsync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes the names in a folder durable (a no-op where folders cannot be opened, on Windows). */
  private static void fsyncFolder(Path folder) throws IOException {
    IOUtils.fsync(folder, true);
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
