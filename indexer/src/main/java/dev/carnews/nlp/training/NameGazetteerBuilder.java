package dev.carnews.nlp.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the name gazetteer the person model uses as a feature: the first and last names of every
 * locale in the {@code net.datafaker:datafaker} jar (its {@code <locale>/name.yml} and {@code
 * <locale>.yml} files), lower-cased, Latin script only, each word with its class ({@code first},
 * {@code last} or {@code both}). Run at model-build time only; the project does not depend on the
 * jar at run time. Usage: {@code NameGazetteerBuilder DATAFAKER_JAR OUT_FILE}.
 */
public final class NameGazetteerBuilder {

  private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z_]+):\\s*(.*)$");
  private static final Pattern ITEM = Pattern.compile("^\\s*-\\s*\"?([^\"#]+?)\"?\\s*$");
  private static final Pattern NAME_WORD =
      Pattern.compile("[\\p{IsLatin}][\\p{IsLatin}\\p{M}'’-]+");

  private NameGazetteerBuilder() {}

  /** Reads the jar and writes {@code word class} lines, sorted. */
  public static Map<String, String> build(Path datafakerJar) throws IOException {
    Map<String, String> classes = new TreeMap<>();
    try (ZipFile zip = new ZipFile(datafakerJar.toFile(), StandardCharsets.UTF_8)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        boolean localeFile = name.matches("[A-Za-z_-]+\\.yml") || name.endsWith("/name.yml");
        if (!localeFile) {
          continue;
        }
        try (BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
          readNames(reader, classes);
        }
      }
    }
    return classes;
  }

  private static void readNames(BufferedReader reader, Map<String, String> classes)
      throws IOException {
    String current = null;
    int keyIndent = -1;
    String line;
    while ((line = reader.readLine()) != null) {
      Matcher key = KEY.matcher(line);
      if (key.matches()) {
        int indent = key.group(1).length();
        if (current != null && indent <= keyIndent) {
          current = null;
        }
        String kind = kindOf(key.group(2));
        if (kind != null) {
          current = kind;
          keyIndent = indent;
          String inline = key.group(3).strip();
          if (inline.startsWith("[")) {
            for (String item : inline.replaceAll("[\\[\\]\"]", "").split(",")) {
              add(classes, item, current);
            }
            current = null;
          }
        }
        continue;
      }
      Matcher item = ITEM.matcher(line);
      if (current != null && item.matches()) {
        add(classes, item.group(1), current);
      }
    }
  }

  private static String kindOf(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.endsWith("first_name") || k.equals("first_names")) {
      return "first";
    }
    if (k.endsWith("last_name") || k.equals("last_names")) {
      return "last";
    }
    return null;
  }

  private static void add(Map<String, String> classes, String raw, String kind) {
    if (raw.contains("#{")) {
      return;
    }
    for (String part : raw.strip().split("\\s+")) {
      if (!NAME_WORD.matcher(part).matches()) {
        continue;
      }
      String word = part.toLowerCase(Locale.ROOT);
      classes.merge(word, kind, (a, b) -> a.equals(b) ? a : "both");
    }
  }

  /**
   * Drops the words that unlabelled text writes mostly in lower case ({@code the}, {@code said},
   * {@code will}): some locale lists hold them, and as name evidence they only add noise. A word
   * seen fewer than {@code minSeen} times stays.
   */
  static void dropCommonWords(Map<String, String> classes, List<Path> corpora, int minSeen)
      throws IOException {
    Map<String, int[]> seen = new HashMap<>();
    for (String word : classes.keySet()) {
      seen.put(word, new int[2]);
    }
    ObjectMapper json = new ObjectMapper();
    for (Path corpus : corpora) {
      try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode doc = json.readTree(line);
          for (String sentence : doc.path("body").asText("").split("[.!?\n]+\\s*")) {
            List<String> tokens = WordClusterInducer.tokenizeCased(sentence);
            // The first word of a sentence is capitalised whatever it is: skip it.
            for (int i = 1; i < tokens.size(); i++) {
              String token = tokens.get(i);
              int[] counts = seen.get(token.toLowerCase(Locale.ROOT));
              if (counts != null) {
                counts[Character.isLowerCase(token.charAt(0)) ? 0 : 1]++;
              }
            }
          }
        }
      }
    }
    int before = classes.size();
    classes
        .keySet()
        .removeIf(
            w -> {
              int[] c = seen.get(w);
              return c[0] + c[1] >= minSeen && c[0] > c[1];
            });
    System.out.println("dropped " + (before - classes.size()) + " mostly lower-case words");
  }

  /**
   * Writes the gazetteer. Usage: {@code NameGazetteerBuilder DATAFAKER_JAR OUT_FILE
   * [CORPUS.jsonl...]}; with corpora, words they write mostly in lower case are dropped.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: NameGazetteerBuilder DATAFAKER_JAR OUT_FILE [CORPUS.jsonl...]");
    }
    Map<String, String> classes = build(Path.of(args[0]));
    List<Path> corpora = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      corpora.add(Path.of(args[i]));
    }
    if (!corpora.isEmpty()) {
      dropCommonWords(classes, corpora, 5);
    }
    try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> entry : classes.entrySet()) {
        out.write(entry.getKey() + " " + entry.getValue() + "\n");
      }
    }
    System.out.println("wrote " + classes.size() + " names to " + args[1]);
  }
}
