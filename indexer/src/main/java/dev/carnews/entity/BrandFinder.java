package dev.carnews.entity;

import dev.carnews.nlp.NameText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds vehicle marques in a text with a {@link BrandDictionary}, in one pass over its words: each
 * word is looked up in a map from first word to the names that start with it, the longest name that
 * matches wins, and a marque name followed by one of its models becomes one mention ({@code "Toyota
 * Corolla"}). Names the dictionary marks as ambiguous ({@code Lincoln}, {@code Seat}, {@code Ram})
 * count only with the proof the dictionary's header describes; person mentions win on overlap.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class BrandFinder {

  /** How many words either side of an ambiguous name are searched for a car word. */
  static final int CONTEXT_WINDOW = 12;

  /** How many models may follow a marque name in one mention ({@code Renault 5 E-Tech}). */
  private static final int MAX_MODELS = 3;

  private static final Comparator<BrandAlias> LONGEST_FIRST =
      Comparator.comparingInt(BrandAlias::size).reversed();

  /** Marque names and stand-alone models, by the folded first word. */
  private final Map<String, BrandAlias[]> byFirstWord;

  /** All models of each marque, by the folded first word, for extending a marque name. */
  private final Map<String, Map<String, BrandAlias[]>> modelsByBrand;

  /** Creates a finder over a dictionary. */
  public BrandFinder(BrandDictionary dictionary) {
    Objects.requireNonNull(dictionary, "dictionary");
    Map<String, List<BrandAlias>> first = new HashMap<>();
    Map<String, Map<String, List<BrandAlias>>> models = new HashMap<>();
    Set<String> nameKeys = new HashSet<>();
    Map<String, Set<String>> modelBrands = new HashMap<>();
    for (BrandAlias alias : dictionary.aliases()) {
      String key = String.join(" ", alias.keys());
      if (alias.kind() == BrandAlias.Kind.NAME) {
        nameKeys.add(key);
      } else if (alias.kind() != BrandAlias.Kind.NOT_BRAND) {
        models
            .computeIfAbsent(alias.brand(), b -> new HashMap<>())
            .computeIfAbsent(alias.keys().get(0), k -> new ArrayList<>())
            .add(alias);
        if (alias.kind() == BrandAlias.Kind.MODEL) {
          modelBrands.computeIfAbsent(key, k -> new HashSet<>()).add(alias.brand());
        }
      }
    }
    for (BrandAlias alias : dictionary.aliases()) {
      String key = String.join(" ", alias.keys());
      boolean standAlone =
          alias.kind() == BrandAlias.Kind.NAME
              || alias.kind() == BrandAlias.Kind.NOT_BRAND
              || (alias.kind() == BrandAlias.Kind.MODEL
                  // a model that is also a marque name, or that two marques share, names no marque
                  && !nameKeys.contains(key)
                  && modelBrands.get(key).size() == 1);
      if (standAlone) {
        first.computeIfAbsent(alias.keys().get(0), k -> new ArrayList<>()).add(alias);
      }
    }
    this.byFirstWord = sortedArrays(first);
    Map<String, Map<String, BrandAlias[]>> byBrand = new HashMap<>();
    models.forEach((brand, map) -> byBrand.put(brand, sortedArrays(map)));
    this.modelsByBrand = Map.copyOf(byBrand);
  }

  private static Map<String, BrandAlias[]> sortedArrays(Map<String, List<BrandAlias>> lists) {
    Map<String, BrandAlias[]> arrays = new HashMap<>();
    lists.forEach(
        (key, list) -> {
          BrandAlias[] array = list.toArray(new BrandAlias[0]);
          Arrays.sort(array, LONGEST_FIRST);
          arrays.put(key, array);
        });
    return Map.copyOf(arrays);
  }

  /** Finds the marques in a text that has no person mentions. */
  public List<Mention> find(String text) {
    return find(text, List.of());
  }

  /**
   * Finds the marques in a text.
   *
   * @param text the text (offsets of the result point into it)
   * @param personMentions persons found in the same text; a brand name inside one is not a brand
   *     ({@code Harrison Ford})
   * @return BRAND mentions in text order, {@code canonical} the marque's canonical name
   */
  public List<Mention> find(String text, List<Mention> personMentions) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(personMentions, "personMentions");
    BrandTokens tokens = BrandTokens.of(text);
    List<Candidate> candidates = new ArrayList<>();
    int n = tokens.size();
    int t = 0;
    while (t < n) {
      Candidate candidate = match(tokens, t, personMentions);
      if (candidate == null) {
        t++;
      } else {
        candidates.add(candidate);
        t = candidate.last + 1;
      }
    }
    return resolve(text, tokens, candidates);
  }

  private Candidate match(BrandTokens tokens, int t, List<Mention> persons) {
    BrandAlias[] options = byFirstWord.get(tokens.key(t));
    if (options == null) {
      // "Jeeps", "BMWs": a plural of a one-word name
      String key = tokens.key(t);
      options = key.length() > 3 && key.endsWith("s") ? byFirstWord.get(stem(key)) : null;
    }
    if (options == null || tokens.afterApostrophe(t)) {
      return null;
    }
    for (BrandAlias alias : options) {
      if (!matches(tokens, t, alias)) {
        continue;
      }
      int last = t + alias.size() - 1;
      if (tokens.tickerMarkup(t, last)) {
        return null;
      }
      if (alias.kind() == BrandAlias.Kind.NOT_BRAND) {
        // consumes the words so that no shorter name inside them matches
        return new Candidate(alias, t, last, false);
      }
      if (overlapsPerson(tokens.start(t), tokens.end(last), persons)) {
        return null;
      }
      boolean modelFollows = false;
      if (alias.kind() == BrandAlias.Kind.NAME) {
        for (int models = 0; models < MAX_MODELS; models++) {
          int extended = followingModel(tokens, last, alias.brand());
          if (extended < 0 || overlapsPerson(tokens.start(t), tokens.end(extended), persons)) {
            break;
          }
          last = extended;
          modelFollows = true;
        }
      }
      return new Candidate(alias, t, last, modelFollows);
    }
    return null;
  }

  /** The last word of a model of {@code brand} that starts right after word {@code last}, or -1. */
  private int followingModel(BrandTokens tokens, int last, String brand) {
    if (last + 1 >= tokens.size() || !tokens.joined(last)) {
      return -1;
    }
    Map<String, BrandAlias[]> models = modelsByBrand.get(brand);
    if (models == null) {
      return -1;
    }
    BrandAlias[] options = models.get(tokens.key(last + 1));
    if (options == null) {
      return -1;
    }
    for (BrandAlias model : options) {
      if (matches(tokens, last + 1, model)) {
        return last + model.size();
      }
    }
    return -1;
  }

  /**
   * Whether the words from {@code t} spell the name, with its case rules. The last word may be the
   * plural of the name's ({@code Land Rovers}) when the name needs no proof and is written
   * capitalised.
   */
  private static boolean matches(BrandTokens tokens, int t, BrandAlias alias) {
    int size = alias.size();
    if (t + size > tokens.size()) {
      return false;
    }
    boolean plural = false;
    for (int i = 0; i < size; i++) {
      if (i > 0 && !tokens.joined(t + i - 1)) {
        return false;
      }
      String key = tokens.key(t + i);
      String expected = alias.keys().get(i);
      if (!key.equals(expected)) {
        plural = i == size - 1 && isPluralOf(tokens, t + i, expected, alias);
        if (!plural) {
          return false;
        }
      }
    }
    if (alias.caseSensitive() && !sameCase(tokens, t, alias, plural)) {
      return false;
    }
    if (alias.proof() != BrandAlias.Proof.NONE) {
      // an ambiguous name only counts when written as a name
      char c = tokens.surface(t).charAt(0);
      return !Character.isLowerCase(c);
    }
    return true;
  }

  /**
   * Whether the words keep the name's case (ignoring accents), or are all capitals: {@code Ford}
   * and {@code FORD} for {@code =Ford}, but not {@code ford}, and not {@code E-tron} for {@code
   * =e-tron}.
   */
  private static boolean sameCase(BrandTokens tokens, int t, BrandAlias alias, boolean plural) {
    boolean exact = true;
    boolean caps = true;
    for (int i = 0; i < alias.size() && (exact || caps); i++) {
      String plain = BrandTokens.stripAccents(tokens.surface(t + i));
      if (plural && i == alias.size() - 1) {
        plain = stem(plain);
      }
      String expected = BrandTokens.stripAccents(alias.tokens().get(i));
      exact &= plain.equals(expected);
      caps &= plain.equals(expected.toUpperCase(Locale.ROOT));
    }
    return exact || caps;
  }

  /** Whether word {@code t} is the plural of a name's last word: {@code Jeeps}, {@code BMWs}. */
  private static boolean isPluralOf(BrandTokens tokens, int t, String expected, BrandAlias alias) {
    return alias.kind() == BrandAlias.Kind.NAME
        && alias.proof() == BrandAlias.Proof.NONE
        && expected.length() >= 2
        && !expected.endsWith("s")
        && tokens.key(t).equals(expected + "s")
        && Character.isUpperCase(tokens.surface(t).charAt(0));
  }

  private static String stem(String plural) {
    return plural.substring(0, plural.length() - 1);
  }

  private static boolean overlapsPerson(int start, int end, List<Mention> persons) {
    for (Mention person : persons) {
      if (person.start() < end && start < person.end()) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the unambiguous candidates and the ambiguous ones the text gives proof for. */
  private static List<Mention> resolve(
      String text, BrandTokens tokens, List<Candidate> candidates) {
    Set<String> proven = new HashSet<>();
    boolean[] strong = new boolean[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.alias.kind() == BrandAlias.Kind.NOT_BRAND) {
        continue;
      }
      strong[i] = c.strong(tokens);
      if (strong[i]) {
        proven.add(c.alias.brand());
      }
    }
    List<Mention> mentions = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.alias.kind() == BrandAlias.Kind.NOT_BRAND) {
        continue;
      }
      String brand = c.alias.brand();
      boolean keep =
          strong[i]
              || (!c.placeName(tokens)
                  && (proven.contains(brand)
                      || (c.alias.proof() == BrandAlias.Proof.CONTEXT
                          && c.hasContext(tokens, proven))));
      if (keep) {
        int start = tokens.start(c.first);
        int end = tokens.end(c.last);
        mentions.add(
            new Mention(EntityType.BRAND, NameText.of(text, start, end), start, end, brand));
      }
    }
    return List.copyOf(mentions);
  }

  /** A name found at words {@code first..last}, before its proof is checked. */
  private record Candidate(BrandAlias alias, int first, int last, boolean modelFollows) {

    /** Counts without looking at the rest of the text. */
    boolean strong(BrandTokens tokens) {
      if (alias.proof() == BrandAlias.Proof.NONE || modelFollows) {
        return true;
      }
      // "SEAT" or "MINI" in ordinary mixed-case text is how those marques write themselves, unless
      // it is part of a run of capitals ("SMART-WATS")
      return alias.proof() == BrandAlias.Proof.CONTEXT
          && capsFormOfMixedCaseName(tokens)
          && !(first > 0 && tokens.allCaps(first - 1))
          && !(last + 1 < tokens.size() && tokens.allCaps(last + 1))
          && !tokens.shouting(first, last);
    }

    /** An ambiguous name followed by a comma and a state: a town ({@code Pontiac, Mich.}). */
    boolean placeName(BrandTokens tokens) {
      return BrandContextWords.US_STATES.contains(tokens.keyAfterComma(last));
    }

    private boolean capsFormOfMixedCaseName(BrandTokens tokens) {
      boolean nameHasLowerCase =
          alias.tokens().stream().anyMatch(w -> !BrandTokens.allCaps(w, 0, w.length()));
      if (!nameHasLowerCase) {
        return false;
      }
      for (int t = first; t <= last; t++) {
        if (!tokens.allCaps(t) && tokens.key(t).chars().anyMatch(Character::isLetter)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Car context for a {@code ?} name: a car word near it or another marque in the text; at a
     * sentence start or in a capitals headline both are needed.
     */
    boolean hasContext(BrandTokens tokens, Set<String> proven) {
      boolean otherMarque = !proven.isEmpty();
      boolean carWord = carWordNear(tokens);
      if (tokens.sentenceInitial(first) || tokens.shouting(first, last)) {
        return otherMarque && carWord;
      }
      return otherMarque || carWord;
    }

    private boolean carWordNear(BrandTokens tokens) {
      int from = Math.max(0, first - CONTEXT_WINDOW);
      int to = Math.min(tokens.size() - 1, last + CONTEXT_WINDOW);
      for (int t = from; t <= to; t++) {
        if ((t < first || t > last) && BrandContextWords.CAR_WORDS.contains(tokens.key(t))) {
          return true;
        }
      }
      return false;
    }
  }
}
