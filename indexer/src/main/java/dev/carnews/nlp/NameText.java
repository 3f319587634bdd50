package dev.carnews.nlp;

/**
 * Names as people write them: the one place where a stretch of text becomes a name string. Line
 * breaks, tabs, non-breaking and repeated spaces become one space; punctuation and brackets around
 * the name go ({@code (Roger}, {@code Smith,}); the dot of a final initial stays ({@code Robert
 * L.}). The person finder, the resolver, the brand finder and the entity records all use it, so no
 * person, author or brand value is stored, shown or counted in another form.
 */
public final class NameText {

  private NameText() {}

  /** The name in {@code text[start, end)}, trimmed and whitespace-normalised. */
  public static String of(CharSequence text, int start, int end) {
    int[] span = trim(text, start, end);
    return normalize(text.subSequence(span[0], span[1]));
  }

  /** A name string cleaned the same way. */
  public static String clean(String name) {
    return name == null ? null : of(name, 0, name.length());
  }

  /**
   * The span without surrounding spaces, punctuation and brackets: {@code [start', end']}. A final
   * dot stays when it ends an initial ({@code L.}, {@code J.R.}) or an abbreviation the name needs
   * ({@code Jr.}).
   */
  public static int[] trim(CharSequence text, int start, int end) {
    int s = Math.max(0, start);
    int e = Math.min(text.length(), end);
    while (s < e && !keepsAtStart(text.charAt(s))) {
      s++;
    }
    while (e > s && !Character.isLetterOrDigit(text.charAt(e - 1))) {
      if (text.charAt(e - 1) == '.' && endsWithInitial(text, s, e - 1)) {
        break;
      }
      e--;
    }
    return new int[] {s, e};
  }

  /** Whether a character is a space a name may contain: any whitespace or a no-break space. */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00a0';
  }

  /** Runs of any whitespace (line breaks, tabs, no-break spaces) as one space, stripped. */
  public static String normalize(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c) || Character.getType(c) == Character.FORMAT) {
        space = isSpace(c) || space;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean keepsAtStart(char c) {
    return Character.isLetterOrDigit(c);
  }

  /**
   * Whether {@code text[from, dot)} ends with an initial or a short capitalised abbreviation, so
   * that the dot at {@code dot} belongs to the name: {@code L}, {@code J.R}, {@code Jr}, {@code
   * Sr}.
   */
  private static boolean endsWithInitial(CharSequence text, int from, int dot) {
    int wordStart = dot;
    while (wordStart > from && !isSpace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    int length = dot - wordStart;
    if (length == 0) {
      return false;
    }
    String word = text.subSequence(wordStart, dot).toString();
    if (word.equals("Jr") || word.equals("Sr")) {
      return true;
    }
    // "L", "J.R", "U.S": capitals separated by dots.
    for (int k = 0; k < length; k++) {
      char c = word.charAt(k);
      if (k % 2 == 0 ? !Character.isUpperCase(c) : c != '.') {
        return false;
      }
    }
    return length % 2 == 1;
  }
}
