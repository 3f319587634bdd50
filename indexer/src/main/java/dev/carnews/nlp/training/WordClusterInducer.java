package dev.carnews.nlp.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Induces word clusters from unlabelled news text for the person model's cluster features: each
 * frequent (lower-cased) word gets a vector of positive pointwise mutual information with the words
 * one and two places to its left and right, and the vectors are grouped by hierarchical spherical
 * k-means (32 clusters, each split in 8, each split in 8 again: 32, 256 and 2048 classes). Words in
 * one cluster occur in similar contexts, so a name unseen in training still looks like the names it
 * shares a cluster with. Deterministic (seeded).
 *
 * <p>Usage: {@code WordClusterInducer OUT_DIR INPUT...}; inputs are JSON Lines articles ({@code
 * title}, {@code body}) or CoNLL column files (first column).
 */
public final class WordClusterInducer {

  private static final Logger LOG = LoggerFactory.getLogger(WordClusterInducer.class);

  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[-.&'’][\\p{L}\\p{M}\\p{N}]+)*|\\S");

  /** How many frequent words serve as context dimensions (per relative position). */
  static final int CONTEXT_WORDS = 1000;

  /** Relative positions of the contexts. */
  private static final int[] OFFSETS = {-2, -1, 1, 2};

  private final int minCount;
  private final int maxWords;
  private final Map<String, Integer> counts = new HashMap<>();
  private final List<int[]> sentences = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> words = new ArrayList<>();

  WordClusterInducer(int minCount, int maxWords) {
    this.minCount = minCount;
    this.maxWords = maxWords;
  }

  /** Splits text the way the runtime tokenizer roughly does, possessive {@code 's} apart. */
  static List<String> tokenize(String text) {
    List<String> tokens = tokenizeCased(text);
    tokens.replaceAll(t -> t.toLowerCase(Locale.ROOT));
    return tokens;
  }

  /** As {@link #tokenize(String)}, keeping the case. */
  static List<String> tokenizeCased(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      String lower = t.toLowerCase(Locale.ROOT);
      if (t.length() > 2 && (lower.endsWith("'s") || lower.endsWith("’s"))) {
        tokens.add(t.substring(0, t.length() - 2));
        tokens.add(t.substring(t.length() - 2));
      } else {
        tokens.add(t);
      }
    }
    return tokens;
  }

  void addSentence(List<String> tokens) {
    int[] sentence = new int[tokens.size()];
    for (int i = 0; i < sentence.length; i++) {
      String t = tokens.get(i);
      Integer id = ids.get(t);
      if (id == null) {
        id = words.size();
        ids.put(t, id);
        words.add(t);
      }
      sentence[i] = id;
      counts.merge(t, 1, Integer::sum);
    }
    sentences.add(sentence);
  }

  void read(Path input) throws IOException {
    Consumer<String> text =
        t -> {
          for (String paragraph : t.split("\n")) {
            if (!paragraph.isBlank()) {
              addSentence(tokenize(paragraph));
            }
          }
        };
    if (input.toString().endsWith(".jsonl")) {
      ObjectMapper json = new ObjectMapper();
      try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            JsonNode doc = json.readTree(line);
            text.accept(doc.path("title").asText(""));
            text.accept(doc.path("body").asText(""));
          }
        }
      }
    } else {
      try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
        List<String> sentence = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
          String[] cols = line.split(" ");
          if (line.isBlank() || cols[0].equals("-DOCSTART-")) {
            if (!sentence.isEmpty()) {
              addSentence(sentence);
              sentence = new ArrayList<>();
            }
          } else {
            sentence.add(cols[0].toLowerCase(Locale.ROOT));
          }
        }
        if (!sentence.isEmpty()) {
          addSentence(sentence);
        }
      }
    }
  }

  /** Clusters the words read so far and writes one file per level. */
  void induce(Path outDir) throws IOException {
    List<String> byFrequency = new ArrayList<>(counts.keySet());
    byFrequency.sort(
        (a, b) ->
            counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
    int[] contextIndex = new int[words.size()];
    Arrays.fill(contextIndex, -1);
    for (int i = 0; i < Math.min(CONTEXT_WORDS, byFrequency.size()); i++) {
      contextIndex[ids.get(byFrequency.get(i))] = i;
    }
    List<String> targets = new ArrayList<>();
    int[] targetIndex = new int[words.size()];
    Arrays.fill(targetIndex, -1);
    for (String w : byFrequency) {
      if (targets.size() >= maxWords || counts.get(w) < minCount) {
        break;
      }
      if (w.indexOf(' ') >= 0) {
        continue;
      }
      targetIndex[ids.get(w)] = targets.size();
      targets.add(w);
    }
    LOG.info(
        "{} sentences, {} types, {} words to cluster",
        sentences.size(),
        words.size(),
        targets.size());
    int dims = CONTEXT_WORDS * OFFSETS.length;
    List<Map<Integer, Integer>> cooc = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      cooc.add(new HashMap<>());
    }
    long[] contextTotals = new long[dims];
    long total = 0;
    for (int[] sentence : sentences) {
      for (int i = 0; i < sentence.length; i++) {
        int target = targetIndex[sentence[i]];
        if (target < 0) {
          continue;
        }
        for (int o = 0; o < OFFSETS.length; o++) {
          int j = i + OFFSETS[o];
          int ctx = j < 0 ? -2 : j >= sentence.length ? -3 : contextIndex[sentence[j]];
          if (ctx == -2 || ctx == -3) {
            continue;
          }
          if (ctx < 0) {
            continue;
          }
          int dim = o * CONTEXT_WORDS + ctx;
          cooc.get(target).merge(dim, 1, Integer::sum);
          contextTotals[dim]++;
          total++;
        }
      }
    }
    float[][] values = new float[targets.size()][];
    int[][] dimsOf = new int[targets.size()][];
    for (int t = 0; t < targets.size(); t++) {
      Map<Integer, Integer> row = cooc.get(t);
      long rowTotal = 0;
      for (int c : row.values()) {
        rowTotal += c;
      }
      List<int[]> kept = new ArrayList<>();
      for (Map.Entry<Integer, Integer> e : row.entrySet()) {
        double pmi =
            Math.log(
                (double) e.getValue() * total / ((double) rowTotal * contextTotals[e.getKey()]));
        if (pmi > 0) {
          kept.add(new int[] {e.getKey(), Float.floatToIntBits((float) pmi)});
        }
      }
      kept.sort((a, b) -> Integer.compare(a[0], b[0]));
      dimsOf[t] = new int[kept.size()];
      values[t] = new float[kept.size()];
      double norm = 0;
      for (int k = 0; k < kept.size(); k++) {
        dimsOf[t][k] = kept.get(k)[0];
        values[t][k] = Float.intBitsToFloat(kept.get(k)[1]);
        norm += values[t][k] * values[t][k];
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < values[t].length; k++) {
        values[t][k] /= (float) Math.max(norm, 1e-9);
      }
    }
    cooc.clear();
    Random random = new Random(20261126L);
    int[] level1 = new int[targets.size()];
    int[] all = new int[targets.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    kmeans(all, 32, dims, dimsOf, values, random, level1, 0);
    int[] level2 = split(level1, 32, 8, dims, dimsOf, values, random);
    int[] level3 = split(level2, 256, 8, dims, dimsOf, values, random);
    Files.createDirectories(outDir);
    write(outDir.resolve("clusters32.clusters"), targets, level1);
    write(outDir.resolve("clusters256.clusters"), targets, level2);
    write(outDir.resolve("clusters2048.clusters"), targets, level3);
  }

  private static int[] split(
      int[] parent,
      int parents,
      int branching,
      int dims,
      int[][] dimsOf,
      float[][] values,
      Random random) {
    int[] child = new int[parent.length];
    for (int p = 0; p < parents; p++) {
      int size = 0;
      for (int c : parent) {
        if (c == p) {
          size++;
        }
      }
      int[] members = new int[size];
      int n = 0;
      for (int i = 0; i < parent.length; i++) {
        if (parent[i] == p) {
          members[n++] = i;
        }
      }
      kmeans(members, branching, dims, dimsOf, values, random, child, p * branching);
    }
    return child;
  }

  /** Spherical k-means of some vectors; writes {@code offset + cluster} into {@code out}. */
  private static void kmeans(
      int[] members,
      int k,
      int dims,
      int[][] dimsOf,
      float[][] values,
      Random random,
      int[] out,
      int offset) {
    if (members.length == 0) {
      return;
    }
    int clusters = Math.min(k, members.length);
    float[][] centroids = new float[clusters][dims];
    // Seeds: k-means++ style, deterministic from the seeded random.
    List<Integer> seeds = new ArrayList<>();
    seeds.add(members[random.nextInt(members.length)]);
    double[] best = new double[members.length];
    Arrays.fill(best, Double.MAX_VALUE);
    while (seeds.size() < clusters) {
      int last = seeds.get(seeds.size() - 1);
      double sum = 0;
      for (int i = 0; i < members.length; i++) {
        double d =
            1 - sparseDot(dimsOf[members[i]], values[members[i]], dimsOf[last], values[last]);
        best[i] = Math.min(best[i], Math.max(0, d));
        sum += best[i] * best[i];
      }
      double r = random.nextDouble() * sum;
      int pick = members[members.length - 1];
      for (int i = 0; i < members.length; i++) {
        r -= best[i] * best[i];
        if (r <= 0) {
          pick = members[i];
          break;
        }
      }
      seeds.add(pick);
    }
    for (int c = 0; c < clusters; c++) {
      int s = seeds.get(c);
      for (int d = 0; d < dimsOf[s].length; d++) {
        centroids[c][dimsOf[s][d]] = values[s][d];
      }
    }
    int[] assign = new int[members.length];
    for (int iteration = 0; iteration < 12; iteration++) {
      int changed = 0;
      for (int i = 0; i < members.length; i++) {
        int m = members[i];
        int bestCluster = 0;
        double bestSim = -1;
        for (int c = 0; c < clusters; c++) {
          double sim = 0;
          int[] ds = dimsOf[m];
          float[] vs = values[m];
          float[] centroid = centroids[c];
          for (int d = 0; d < ds.length; d++) {
            sim += vs[d] * centroid[ds[d]];
          }
          if (sim > bestSim) {
            bestSim = sim;
            bestCluster = c;
          }
        }
        if (iteration == 0 || assign[i] != bestCluster) {
          changed++;
        }
        assign[i] = bestCluster;
      }
      for (float[] centroid : centroids) {
        Arrays.fill(centroid, 0);
      }
      for (int i = 0; i < members.length; i++) {
        int m = members[i];
        for (int d = 0; d < dimsOf[m].length; d++) {
          centroids[assign[i]][dimsOf[m][d]] += values[m][d];
        }
      }
      for (float[] centroid : centroids) {
        double norm = 0;
        for (float v : centroid) {
          norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
          for (int d = 0; d < centroid.length; d++) {
            centroid[d] /= (float) norm;
          }
        }
      }
      if (iteration > 0 && changed < members.length / 500 + 1) {
        break;
      }
    }
    for (int i = 0; i < members.length; i++) {
      out[members[i]] = offset + assign[i];
    }
  }

  private static double sparseDot(int[] ad, float[] av, int[] bd, float[] bv) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < ad.length && j < bd.length) {
      if (ad[i] == bd[j]) {
        sum += av[i++] * bv[j++];
      } else if (ad[i] < bd[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  private static void write(Path file, List<String> targets, int[] clusters) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < targets.size(); i++) {
        out.write(targets.get(i) + " " + clusters[i] + "\n");
      }
    }
    LOG.info("wrote {}", file);
  }

  /** Reads the inputs and writes the cluster files. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: WordClusterInducer OUT_DIR INPUT...");
    }
    WordClusterInducer inducer =
        new WordClusterInducer(Integer.getInteger("carnews.minCount", 5), 60_000);
    for (int i = 1; i < args.length; i++) {
      inducer.read(Path.of(args[i]));
      LOG.info("read {}", args[i]);
    }
    inducer.induce(Path.of(args[0]));
  }
}
