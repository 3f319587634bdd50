package dev.carnews.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small helpers for person names: titles, possessives, name tokens and accent-folded tokens. */
public final class PersonNames {

  /** Words that introduce a name but are not part of it (lower case, without a final dot). */
  public static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "lord",
          "lady",
          "madam",
          "madame",
          "mme",
          "mister",
          "rev",
          "reverend",
          "sen",
          "senator",
          "rep",
          "gov",
          "governor",
          "gen",
          "general",
          "col",
          "capt",
          "captain",
          "lt",
          "sgt",
          "president",
          "chairman",
          "chairwoman",
          "chair",
          "ceo",
          "cfo",
          "coo",
          "cto",
          "chief",
          "boss",
          "minister",
          "premier",
          "judge",
          "justice",
          "king",
          "queen",
          "prince",
          "princess",
          "pope",
          "herr",
          "frau",
          "monsieur",
          "signor");

  /** Titles that always stand right before a person's name (lower case, no final dot). */
  public static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "mme", "herr", "frau");

  /**
   * Lower-case name particles ({@code de Meo}, {@code van der Berg}, {@code bin Salman}), for the
   * person finder and the byline cleaner alike.
   */
  public static final Set<String> PARTICLES =
      Set.of(
          "de", "da", "di", "du", "del", "della", "des", "der", "den", "van", "von", "bin", "binti",
          "bint", "ben", "ibn", "al", "el", "le", "la", "ter", "ten", "y", "zu", "dos", "das", "do",
          "af", "av");

  /** Words that make a name a company's ({@code Harris Upham and Co}, {@code Douglas Corp}). */
  public static final Set<String> COMPANY_WORDS =
      Set.of(
          "co",
          "corp",
          "corporation",
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "plc",
          "llc",
          "llp",
          "lp",
          "gmbh",
          "ag",
          "sa",
          "spa",
          "nv",
          "bv",
          "group",
          "holdings",
          "holding",
          "bancorp",
          "partners",
          "associates",
          "securities",
          "&");

  private PersonNames() {}

  /** Whether a word (punctuation around it ignored) marks a company ({@code Co}, {@code Ltd>}). */
  public static boolean isCompanyWord(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && !Character.isLetter(word.charAt(start)) && word.charAt(start) != '&') {
      start++;
    }
    while (end > start && !Character.isLetter(word.charAt(end - 1))) {
      end--;
    }
    return COMPANY_WORDS.contains(word.substring(start, end).toLowerCase(Locale.ROOT));
  }

  /** Whether a word is an honorific that introduces a name ({@code Mr}, {@code Dr.}). */
  public static boolean isHonorific(String word) {
    String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    return HONORIFICS.contains(w.toLowerCase(Locale.ROOT));
  }

  /** Whether a word is a lower-case name particle ({@code de}, {@code van}, {@code bin}). */
  public static boolean isParticle(String word) {
    return PARTICLES.contains(word);
  }

  /** Descriptive compounds that stand before names but are never part of one. */
  private static final List<String> DESCRIPTOR_ENDINGS =
      List.of("-based", "-born", "-bred", "-owned", "-listed", "-run", "-led");

  /**
   * Whether a word describes what follows ({@code Ontario-based Magna}, {@code German-born Anna
   * Berg}) rather than naming it.
   */
  public static boolean isDescriptor(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (String ending : DESCRIPTOR_ENDINGS) {
      if (lower.endsWith(ending) && lower.length() > ending.length()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word is a title or honorific ({@code Mr}, {@code Mr.}, {@code CEO}). */
  public static boolean isTitle(String word) {
    String w =
        (word.endsWith(".") ? word.substring(0, word.length() - 1) : word).toLowerCase(Locale.ROOT);
    if (TITLES.contains(w)) {
      return true;
    }
    // Compound ranks: "Vice-President", "Lieutenant-Colonel", "Major-General".
    int hyphen = w.lastIndexOf('-');
    if (hyphen > 0 && hyphen < w.length() - 1) {
      String rank = w.substring(hyphen + 1);
      return TITLES.contains(rank) || COMPOUND_RANKS.contains(rank);
    }
    return false;
  }

  /** The last parts of compound ranks that are no title alone ("Major" is also a surname). */
  private static final Set<String> COMPOUND_RANKS =
      Set.of("colonel", "major", "admiral", "marshal", "commander", "lieutenant", "sergeant");

  /** The name without a possessive ending ({@code de Meo's} → {@code de Meo}). */
  public static String withoutPossessive(String name) {
    if (name.endsWith("'s") || name.endsWith("’s")) {
      return name.substring(0, name.length() - 2);
    }
    if (name.endsWith("'") || name.endsWith("’")) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** The words of a name, split on spaces. */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String w : name.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * A word folded for comparison: lower case, no accents ({@code Françoise} → {@code francoise}).
   */
  public static String fold(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  /** The folded words of a name joined by single spaces. */
  public static String foldedKey(String name) {
    List<String> folded = new ArrayList<>();
    for (String w : words(name)) {
      folded.add(fold(w));
    }
    return String.join(" ", folded);
  }
}
