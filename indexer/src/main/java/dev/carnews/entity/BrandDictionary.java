package dev.carnews.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vehicle marques the brand facet knows: canonical names, aliases, groups and models, read from
 * a text file editors extend by hand (the bundled {@code brands.txt} documents the format in its
 * header). Immutable and safe to share between threads.
 *
 * <p>Group names (Stellantis, General Motors) are kept as information about a marque; they are not
 * brands and {@link #canonical(String)} does not resolve them.
 */
public final class BrandDictionary {

  /** The bundled dictionary, a classpath resource next to this class. */
  public static final String DEFAULT_RESOURCE = "brands.txt";

  private static final String COLUMN_SEPARATOR = "\\s+\\|\\s+";

  private final List<String> brands;
  private final Map<String, String> groupByBrand;
  private final Map<String, String> brandByKey;
  private final List<BrandAlias> aliases;

  private BrandDictionary(
      List<String> brands,
      Map<String, String> groupByBrand,
      Map<String, String> brandByKey,
      List<BrandAlias> aliases) {
    this.brands = List.copyOf(brands);
    this.groupByBrand = Map.copyOf(groupByBrand);
    this.brandByKey = Map.copyOf(brandByKey);
    this.aliases = List.copyOf(aliases);
  }

  /** The bundled dictionary, loaded once. */
  public static BrandDictionary loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    private static final BrandDictionary INSTANCE = readDefault();

    private static BrandDictionary readDefault() {
      try (InputStream in = BrandDictionary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
        }
        return load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
      }
    }
  }

  /** Reads a dictionary file (UTF-8) in the format of the bundled one. */
  public static BrandDictionary load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(reader);
    }
  }

  /**
   * Reads a dictionary in the format of the bundled one.
   *
   * @throws IllegalArgumentException on a malformed line or a name given to two marques; the
   *     message names the line
   */
  public static BrandDictionary load(Reader reader) throws IOException {
    List<String> brands = new ArrayList<>();
    Map<String, String> groups = new LinkedHashMap<>();
    Map<String, String> brandByKey = new HashMap<>();
    List<BrandAlias> aliases = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        readLine(trimmed, brands, groups, brandByKey, aliases);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
      }
    }
    return new BrandDictionary(brands, groups, brandByKey, aliases);
  }

  private static void readLine(
      String line,
      List<String> brands,
      Map<String, String> groups,
      Map<String, String> brandByKey,
      List<BrandAlias> aliases) {
    String[] columns = line.split(COLUMN_SEPARATOR, -1);
    if (columns.length != 4) {
      throw new IllegalArgumentException(
          "expected 4 columns 'canonical | group | aliases | models', found " + columns.length);
    }
    BrandAlias canonical = parse(columns[0].strip(), null, BrandAlias.Kind.NAME);
    String brand = canonical.brand();
    if (brands.contains(brand)) {
      throw new IllegalArgumentException("marque listed twice: " + brand);
    }
    brands.add(brand);
    String group = columns[1].strip();
    if (!group.isEmpty() && !group.equals("-")) {
      groups.put(brand, group);
    }
    List<BrandAlias> names = new ArrayList<>();
    names.add(canonical);
    for (String entry : entries(columns[2])) {
      if (entry.startsWith("-")) {
        aliases.add(parse(entry.substring(1).strip(), brand, BrandAlias.Kind.NOT_BRAND));
      } else {
        names.add(parse(entry, brand, BrandAlias.Kind.NAME));
      }
    }
    for (BrandAlias name : names) {
      String key = String.join(" ", name.keys());
      String other = brandByKey.putIfAbsent(key, brand);
      if (other != null && !other.equals(brand)) {
        throw new IllegalArgumentException(
            "name '" + name.name() + "' given to both " + other + " and " + brand);
      }
    }
    aliases.addAll(names);
    for (String entry : entries(columns[3])) {
      aliases.add(parse(entry, brand, BrandAlias.Kind.MODEL));
    }
  }

  private static List<String> entries(String column) {
    List<String> entries = new ArrayList<>();
    for (String entry : column.split(",")) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty() && !trimmed.equals("-")) {
        entries.add(trimmed);
      }
    }
    return entries;
  }

  /** Parses {@code =Name?} style entries; a null brand means the entry is the canonical name. */
  private static BrandAlias parse(String entry, String brand, BrandAlias.Kind kind) {
    String name = entry;
    boolean caseSensitive = name.startsWith("=");
    if (caseSensitive) {
      name = name.substring(1);
    }
    BrandAlias.Proof proof = BrandAlias.Proof.NONE;
    if (name.endsWith("?")) {
      proof = BrandAlias.Proof.CONTEXT;
      name = name.substring(0, name.length() - 1);
    } else if (name.endsWith("!")) {
      proof = BrandAlias.Proof.STRICT;
      name = name.substring(0, name.length() - 1);
    } else if (name.endsWith("+")) {
      if (kind != BrandAlias.Kind.MODEL) {
        throw new IllegalArgumentException("'+' is only for models: " + entry);
      }
      kind = BrandAlias.Kind.MODEL_AFTER_BRAND;
      name = name.substring(0, name.length() - 1);
    }
    name = name.strip();
    List<String> tokens = BrandTokens.words(name);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("entry without letters or digits: '" + entry + "'");
    }
    List<String> keys = tokens.stream().map(BrandTokens::fold).toList();
    return new BrandAlias(
        brand == null ? name : brand, name, tokens, keys, kind, caseSensitive, proof);
  }

  /**
   * The canonical marque for a name or alias, ignoring case, accents and the spaces or hyphens
   * between words: {@code "vw"} and {@code "Volkswagen"} give {@code Volkswagen}, {@code "Merc"}
   * gives {@code Mercedes-Benz}. Models and group names give nothing.
   */
  public Optional<String> canonical(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    List<String> words = BrandTokens.words(name);
    List<String> keys = words.stream().map(BrandTokens::fold).toList();
    return Optional.ofNullable(brandByKey.get(String.join(" ", keys)));
  }

  /** The canonical names of all marques, in file order. */
  public List<String> brands() {
    return brands;
  }

  /** The group a marque belongs to, if the file names one. */
  public Optional<String> group(String brand) {
    return Optional.ofNullable(groupByBrand.get(brand));
  }

  /** The group names the file mentions, sorted (they are not brands). */
  public List<String> groups() {
    return groupByBrand.values().stream().distinct().sorted().toList();
  }

  /** Every name, alias and model, in file order; for {@link BrandFinder}. */
  List<BrandAlias> aliases() {
    return aliases;
  }
}
