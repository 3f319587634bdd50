package dev.carnews.entity;

import dev.carnews.nlp.NlpModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of the entity models as an index records it: a digest of the person model and the
 * brand dictionary, so any retraining or dictionary edit is a new version without anyone having to
 * remember to bump a number.
 */
public final class EntityModelVersion {

  private EntityModelVersion() {}

  /** The version of the bundled person model and brand dictionary (computed once). */
  public static String bundled() {
    return Bundled.VERSION;
  }

  /** The version of a person model file with the bundled brand dictionary. */
  public static String of(Path personModel) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream model = Files.newInputStream(personModel)) {
      update(digest, model);
    }
    try (InputStream brands = resource(BrandDictionary.class, BrandDictionary.DEFAULT_RESOURCE)) {
      update(digest, brands);
    }
    return format(digest);
  }

  private static final class Bundled {
    private static final String VERSION = compute();

    private static String compute() {
      MessageDigest digest = sha256();
      try (InputStream model = resource(NlpModels.class, NlpModels.PERSON_MODEL);
          InputStream brands = resource(BrandDictionary.class, BrandDictionary.DEFAULT_RESOURCE)) {
        update(digest, model);
        update(digest, brands);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled entity models", e);
      }
      return format(digest);
    }
  }

  private static InputStream resource(Class<?> owner, String name) throws IOException {
    InputStream in = owner.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing classpath resource " + name);
    }
    return in;
  }

  private static void update(MessageDigest digest, InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      digest.update(buffer, 0, read);
    }
  }

  private static String format(MessageDigest digest) {
    return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
