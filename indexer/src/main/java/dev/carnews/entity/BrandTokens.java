package dev.carnews.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text as the brand finder sees them: maximal runs of letters and digits, with their
 * offsets and folded keys. An apostrophe, a hyphen or a dot ends a word, so {@code "Renault's"}
 * gives {@code Renault} and {@code s}, and {@code "Mercedes-Benz"} gives {@code Mercedes} and
 * {@code Benz}.
 */
final class BrandTokens {

  private final String text;
  private final int size;
  private final int[] starts;
  private final int[] ends;
  private final String[] keys;

  private BrandTokens(String text, int size, int[] starts, int[] ends, String[] keys) {
    this.text = text;
    this.size = size;
    this.starts = starts;
    this.ends = ends;
    this.keys = keys;
  }

  /** Splits a text into words. */
  static BrandTokens of(String text) {
    int capacity = Math.max(16, text.length() / 5);
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int n = 0;
    int i = 0;
    int length = text.length();
    while (i < length) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isWordChar(text.charAt(i))) {
        i++;
      }
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    String[] keys = new String[n];
    for (int t = 0; t < n; t++) {
      keys[t] = fold(text, starts[t], ends[t]);
    }
    return new BrandTokens(text, n, starts, ends, keys);
  }

  /** The words of a name from the dictionary, as written. */
  static List<String> words(String name) {
    BrandTokens tokens = of(name);
    List<String> words = new ArrayList<>(tokens.size());
    for (int t = 0; t < tokens.size(); t++) {
      words.add(tokens.surface(t));
    }
    return words;
  }

  /** Lower case without accents: the key that lookups use. */
  static String fold(String word) {
    return fold(word, 0, word.length());
  }

  private static String fold(String text, int start, int end) {
    boolean ascii = true;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 128) {
        ascii = false;
        break;
      }
    }
    String word = text.substring(start, end);
    if (ascii) {
      return word.toLowerCase(Locale.ROOT);
    }
    return stripAccents(word).toLowerCase(Locale.ROOT);
  }

  /** The word without combining accents ({@code Citroën} → {@code Citroen}). */
  static String stripAccents(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 128) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(decomposed.length());
        for (int j = 0; j < decomposed.length(); j++) {
          char c = decomposed.charAt(j);
          if (Character.getType(c) != Character.NON_SPACING_MARK) {
            plain.append(c);
          }
        }
        return plain.toString();
      }
    }
    return word;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  int size() {
    return size;
  }

  int start(int t) {
    return starts[t];
  }

  int end(int t) {
    return ends[t];
  }

  String key(int t) {
    return keys[t];
  }

  String surface(int t) {
    return text.substring(starts[t], ends[t]);
  }

  /**
   * Whether words {@code t} and {@code t + 1} may belong to one name: only spaces (no blank line),
   * hyphens, {@code &}, {@code #} or {@code /} between them, or a dot or apostrophe with no space
   * ({@code ID.4}, {@code Chang'an}).
   */
  boolean joined(int t) {
    int from = ends[t];
    int to = starts[t + 1];
    if (to - from > 4) {
      return false;
    }
    boolean space = false;
    boolean dot = false;
    int newlines = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
        space = true;
      } else if (Character.isWhitespace(c) || c == '\u00a0') {
        space = true;
      } else if (c == '.' || isApostrophe(c)) {
        dot = true;
      } else if (c != '-' && c != '\u2010' && c != '\u2011' && c != '&' && c != '#' && c != '/') {
        return false;
      }
    }
    return newlines < 2 && !(dot && space);
  }

  /**
   * Whether word {@code t} comes right after an apostrophe: the {@code s} of a possessive or the
   * rest of an elided word, which never starts a name ({@code Rooney's cross} is not S-Cross).
   */
  boolean afterApostrophe(int t) {
    return starts[t] > 0 && isApostrophe(text.charAt(starts[t] - 1));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  /**
   * The word after a comma that follows word {@code t} ({@code Pontiac, Mich.}), folded, or the
   * empty string.
   */
  String keyAfterComma(int t) {
    if (t + 1 >= size) {
      return "";
    }
    String gap = text.substring(ends[t], starts[t + 1]).strip();
    return gap.equals(",") ? keys[t + 1] : "";
  }

  /**
   * Whether word {@code t} starts a sentence: text start, after {@code . ! ? :}, or a blank line.
   */
  boolean sentenceInitial(int t) {
    int newlines = 0;
    for (int i = starts[t] - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
        if (newlines >= 2) {
          return true;
        }
      } else if (Character.isWhitespace(c) || c == '\u00a0' || isOpening(c)) {
        continue;
      } else {
        return c == '.' || c == '!' || c == '?' || c == ':';
      }
    }
    return true;
  }

  private static boolean isOpening(char c) {
    return c == '"'
        || c == '\''
        || c == '\u201c'
        || c == '\u2018'
        || c == '('
        || c == '['
        || c == '\u00ab';
  }

  /** Whether the word has letters and all of them are upper case. */
  /**
   * Whether words {@code first..last} are a Reuters ticker in markup: capitals right inside angle
   * brackets ({@code <GM>}). A company name in the same markup ({@code <Chrysler Corp>}) is not.
   */
  boolean tickerMarkup(int first, int last) {
    int before = starts[first] - 1;
    int after = ends[last];
    return before >= 0
        && text.charAt(before) == '<'
        && after < text.length()
        && text.charAt(after) == '>'
        && allCaps(text, starts[first], ends[last]);
  }

  boolean allCaps(int t) {
    return allCaps(text, starts[t], ends[t]);
  }

  static boolean allCaps(String s, int start, int end) {
    boolean letter = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
        if (!Character.isUpperCase(c)) {
          return false;
        }
      }
    }
    return letter;
  }

  /**
   * Whether the words around {@code from..to} on the same line are mostly all caps: a headline
   * written in capitals, where case says nothing about names.
   */
  boolean shouting(int from, int to) {
    int counted = 0;
    int caps = 0;
    for (int t = from - 1; t >= Math.max(0, from - 6) && sameLine(t, from); t--) {
      if (letters(t) >= 2) {
        counted++;
        caps += allCaps(t) ? 1 : 0;
      }
    }
    for (int t = to + 1; t <= Math.min(size - 1, to + 6) && sameLine(to, t); t++) {
      if (letters(t) >= 2) {
        counted++;
        caps += allCaps(t) ? 1 : 0;
      }
    }
    return counted >= 2 && caps * 4 >= counted * 3;
  }

  private boolean sameLine(int a, int b) {
    for (int i = ends[a]; i < starts[b]; i++) {
      if (text.charAt(i) == '\n') {
        return false;
      }
    }
    return true;
  }

  private int letters(int t) {
    int n = 0;
    for (int i = starts[t]; i < ends[t]; i++) {
      if (Character.isLetter(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
