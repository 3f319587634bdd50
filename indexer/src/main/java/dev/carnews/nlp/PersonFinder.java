package dev.carnews.nlp;

import dev.carnews.entity.EntityType;
import dev.carnews.entity.Mention;
import dev.carnews.entity.NameText;
import dev.carnews.entity.PersonNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Finds the people named in a text: paragraphs, then sentences and tokens with the Apache models,
 * then the project's name model. Titles ({@code Mr}, {@code Dr}, {@code CEO}) and a possessive
 * {@code 's} are never part of a returned span. Sentences written in capitals are case-normalised
 * before tagging, as in training.
 *
 * <p>Not thread-safe (OpenNLP's {@code *ME} tools are not): use one instance per thread, sharing
 * one {@link NlpModels}.
 */
public final class PersonFinder {

  /** How many tokens after a name may separate it from a company word that makes it a firm. */
  private static final int COMPANY_LOOKAHEAD = 5;

  /** A line at least this long that ends mid-sentence is taken as hard-wrapped. */
  private static final int WRAPPED_LINE_LENGTH = 50;

  /** Initials that may stand inside a name: {@code L.}, {@code J.R.}. */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,3}");

  /** The confidence given to a name found only because an honorific stands before it. */
  static final double HONORIFIC_CONFIDENCE = 0.9;

  private final SentenceDetectorME sentences;
  private final TokenizerME tokenizer;
  private final NameFinderME names;
  private final WordClasses gazetteer;
  private final Set<String> firmNames = new HashSet<>();
  private long tokens;

  /** A finder over shared models. */
  public PersonFinder(NlpModels models) {
    this.sentences = new SentenceDetectorME(models.sentenceModel());
    this.tokenizer = new TokenizerME(models.tokenModel());
    this.names = new NameFinderME(models.personModel());
    Object names = models.personModel().getArtifact(NameModelTrainer.GAZETTEER_FILE);
    this.gazetteer = names instanceof WordClasses classes ? classes : null;
  }

  /** The person mentions of one document, in text order; {@code canonical} is the surface. */
  public List<Mention> find(String text) {
    return findScored(text).stream().map(ScoredMention::mention).toList();
  }

  /** The person mentions of one document with the model's confidence, in text order. */
  public List<ScoredMention> findScored(String text) {
    names.clearAdaptiveData();
    List<ScoredMention> found = new ArrayList<>();
    boolean wrapped = looksHardWrapped(text);
    int from = 0;
    while (from < text.length()) {
      int to = paragraphEnd(text, from, wrapped);
      if (to > from) {
        findInParagraph(text, from, to, found);
      }
      from = to + 1;
    }
    if (!firmNames.isEmpty()) {
      found.removeIf(m -> firmNames.contains(m.mention().text()));
      firmNames.clear();
    }
    return found;
  }

  /**
   * Where the paragraph starting at {@code from} ends (a newline or the end of the text). A blank
   * line, an indented line or a line after sentence-final punctuation starts a new paragraph; a
   * line that is a hard wrap of the one before (newswires wrap at 70 columns: {@code "...Harris
   * Upham\nand Co said"}) continues it.
   */
  static int paragraphEnd(String text, int from, boolean wrapped) {
    int lineStart = from;
    while (true) {
      int newline = text.indexOf('\n', lineStart);
      if (newline < 0) {
        return text.length();
      }
      if (!isSoftWrap(text, lineStart, newline, wrapped)) {
        return newline;
      }
      lineStart = newline + 1;
    }
  }

  private static boolean isSoftWrap(String text, int lineStart, int newline, boolean wrapped) {
    int next = newline + 1;
    if (next >= text.length() || newline == lineStart) {
      return false;
    }
    char first = text.charAt(next);
    if (Character.isWhitespace(first)) {
      return false;
    }
    int last = newline - 1;
    while (last > lineStart && text.charAt(last) == ' ') {
      last--;
    }
    char end = text.charAt(last);
    if (".!?:;\"”'’)]".indexOf(end) >= 0) {
      return false;
    }
    // A long line ending in a word, followed by a word, is a wrap; a table row ends in a number.
    return Character.isLowerCase(first)
        || (wrapped
            && newline - lineStart >= WRAPPED_LINE_LENGTH
            && Character.isLetter(end)
            && Character.isLetter(first));
  }

  /**
   * Whether a text is hard-wrapped at a fixed width, as newswire copy is: most of its lines are
   * between {@link #WRAPPED_LINE_LENGTH} and 80 characters long. Texts with one paragraph or one
   * sentence per line are not, and there a long line is never joined to the next.
   */
  static boolean looksHardWrapped(String text) {
    int lines = 0;
    int wrappedLines = 0;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int end = newline < 0 ? text.length() : newline;
      if (end > lineStart) {
        lines++;
        int length = end - lineStart;
        if (length >= WRAPPED_LINE_LENGTH && length <= 80) {
          wrappedLines++;
        }
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    return lines >= 3 && wrappedLines * 2 >= lines;
  }

  /** How many tokens this finder has tagged so far (for benchmarks). */
  public long tokensProcessed() {
    return tokens;
  }

  private void findInParagraph(String text, int from, int to, List<ScoredMention> found) {
    // Soft line breaks inside the paragraph become spaces; offsets stay the same.
    String paragraph = text.substring(from, to).replace('\n', ' ');
    if (paragraph.isBlank()) {
      return;
    }
    for (Span sentence : joinedAtInitials(sentences.sentPosDetect(paragraph), paragraph)) {
      int sentenceStart = from + sentence.getStart();
      String sentenceText = sentence.getCoveredText(paragraph).toString();
      Span[] tokenSpans = conllTokens(tokenizer.tokenizePos(sentenceText), sentenceText);
      if (tokenSpans.length == 0) {
        continue;
      }
      String[] words = Span.spansToStrings(tokenSpans, sentenceText);
      tokens += words.length;
      Span[] nameSpans = names.find(caseNormalized(words));
      double[] probs = names.probs(nameSpans);
      boolean[] covered = new boolean[words.length];
      List<int[]> ranges = new ArrayList<>();
      List<Double> confidences = new ArrayList<>();
      for (int i = 0; i < nameSpans.length; i++) {
        Span name = nameSpans[i];
        if (!NameModelEvaluator.PERSON.equals(name.getType())) {
          Optional<Span> person = nameAfterLeadingWord(name, words);
          if (person.isEmpty()) {
            continue;
          }
          name = person.get();
        }
        int first = name.getStart();
        int last = name.getEnd() - 1;
        while (first <= last && (PersonNames.isTitle(words[first]) || !hasLetter(words[first]))) {
          first++;
        }
        while (last >= first && (isPossessive(words[last]) || !hasLetter(words[last]))) {
          last--;
        }
        // "Mr de Meo": the model may leave a lower-case particle out of the name.
        int beforeParticles = first;
        while (first > 0 && first <= last && PersonNames.isParticle(words[first - 1])) {
          first--;
        }
        // "Ludwig von Rauch": and the first name before the particle, when it is a known one.
        if (first < beforeParticles && first > 0 && isFirstName(words[first - 1])) {
          first--;
        }
        if (first > last || hasPluralAcronym(words, first, last)) {
          continue;
        }
        if (isCompanyName(words, first, last)) {
          // The same words elsewhere in the document name the firm too ("Smith Barney analyst").
          firmNames.add(
              NameText.of(sentenceText, tokenSpans[first].getStart(), tokenSpans[last].getEnd()));
          continue;
        }
        for (int t = first; t <= last; t++) {
          covered[t] = true;
        }
        // "(General Motors chairman Roger) Smith": a bracket inside a span separates two names.
        int piece = first;
        for (int t = first; t <= last + 1; t++) {
          if (t > last || isBracket(words[t])) {
            if (t > piece) {
              ranges.add(new int[] {piece, t - 1});
              confidences.add(Math.min(1, Math.max(0, probs[i])));
            }
            piece = t + 1;
          }
        }
      }
      addNamesAfterHonorifics(words, covered, ranges, confidences);
      for (int r = 0; r < ranges.size(); r++) {
        int start = sentenceStart + tokenSpans[ranges.get(r)[0]].getStart();
        int end = sentenceStart + tokenSpans[ranges.get(r)[1]].getEnd();
        if (text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2)) {
          end -= 2;
        }
        int[] trimmed = NameText.trim(text, start, end);
        start = trimmed[0];
        end = trimmed[1];
        String surface = NameText.of(text, start, end);
        if (surface.isEmpty() || !hasUpperCase(surface)) {
          continue;
        }
        found.add(
            new ScoredMention(
                new Mention(EntityType.PERSON, surface, start, end, surface), confidences.get(r)));
      }
    }
    found.sort((a, b) -> Integer.compare(a.mention().start(), b.mention().start()));
  }

  /**
   * The sentences with the breaks after a middle initial undone: the sentence model ends a sentence
   * at {@code Robert L.} or {@code George W.}, cutting the name in two. A break right after
   * initials ({@code L.}, {@code J.R.}) that follow a capitalised word, before a capitalised word,
   * is no sentence end ({@code in the U.S. The} stays two sentences: {@code the} is not a name).
   */
  static Span[] joinedAtInitials(Span[] spans, String text) {
    if (spans.length < 2) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.length);
    Span current = spans[0];
    for (int i = 1; i < spans.length; i++) {
      Span next = spans[i];
      if (endsWithNameInitial(text, current.getStart(), current.getEnd())
          && Character.isUpperCase(text.charAt(next.getStart()))) {
        current = new Span(current.getStart(), next.getEnd());
      } else {
        out.add(current);
        current = next;
      }
    }
    out.add(current);
    return out.toArray(new Span[0]);
  }

  /**
   * Whether {@code text[start, end)} ends with a capitalised word and initials: {@code Robert L.}.
   */
  private static boolean endsWithNameInitial(String text, int start, int end) {
    int e = end;
    while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    int s = e;
    while (s > start && !Character.isWhitespace(text.charAt(s - 1))) {
      s--;
    }
    String initials = text.substring(s, e);
    if (!INITIALS.matcher(initials).matches()) {
      return false;
    }
    int w = s;
    while (w > start && Character.isWhitespace(text.charAt(w - 1))) {
      w--;
    }
    int ws = w;
    while (ws > start && !Character.isWhitespace(text.charAt(ws - 1))) {
      ws--;
    }
    if (ws == w) {
      return true; // "M." opens the sentence: "M. Bevan c Vaas b Chandana 56"
    }
    // "Robert L.", "( J.", "87 , K.": a word in lower case ("in the U.S.") is no name before them.
    char before = text.charAt(ws);
    return !Character.isLowerCase(before) && !PersonNames.isTitle(text.substring(ws, w));
  }

  /**
   * The person inside a sentence-initial non-person span that starts with a capitalised common
   * word: the model reads {@code Engineer Sofia Brandt presented ...} as one organisation. When the
   * first word is no name and the next is a known first name, followed by one or two more
   * capitalised words, those words are the person. Null otherwise.
   */
  private Optional<Span> nameAfterLeadingWord(Span span, String[] words) {
    int length = span.getEnd() - span.getStart();
    if (gazetteer == null || span.getStart() != 0 || length < 3 || length > 4) {
      return Optional.empty();
    }
    String lead = words[0].toLowerCase(Locale.ROOT);
    if (gazetteer.classOf(lead) != null || !isFirstName(words[1])) {
      return Optional.empty();
    }
    for (int t = 1; t < span.getEnd(); t++) {
      if (!isCapitalized(words[t]) || !hasLetter(words[t])) {
        return Optional.empty();
      }
    }
    return Optional.of(new Span(1, span.getEnd(), NameModelEvaluator.PERSON));
  }

  /** Whether a capitalised word is a first name in the model's gazetteer. */
  private boolean isFirstName(String word) {
    if (gazetteer == null || !isCapitalized(word)) {
      return false;
    }
    String wordClass = gazetteer.classOf(word.toLowerCase(Locale.ROOT));
    return "first".equals(wordClass) || "both".equals(wordClass);
  }

  /**
   * Adds the capitalised words (and particles) right after an honorific ({@code Mr}, {@code Dr})
   * that the model did not tag: an honorific is always followed by a name.
   */
  private static void addNamesAfterHonorifics(
      String[] words, boolean[] covered, List<int[]> ranges, List<Double> confidences) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (!PersonNames.isHonorific(words[i]) || covered[i + 1]) {
        continue;
      }
      int last = -1;
      for (int j = i + 1; j < words.length && j <= i + 4 && !covered[j]; j++) {
        if (isCapitalized(words[j])) {
          last = j;
        } else if (!PersonNames.isParticle(words[j])) {
          break;
        }
      }
      if (last < 0) {
        continue;
      }
      for (int t = i + 1; t <= last; t++) {
        covered[t] = true;
      }
      ranges.add(new int[] {i + 1, last});
      confidences.add(HONORIFIC_CONFIDENCE);
    }
  }

  /**
   * Whether a name is a company's: it holds a company word, or one follows it ({@code Harris Upham
   * and Co}, {@code Samuel Montagu & Co}, {@code Douglas Corp}).
   */
  private static boolean isCompanyName(String[] words, int first, int last) {
    for (int t = first; t <= last; t++) {
      if (PersonNames.isCompanyWord(words[t])) {
        return true;
      }
    }
    // Look past a few more partners' names: "Smith Barney, Harris Upham and Co".
    for (int t = last + 1; t < words.length && t <= last + COMPANY_LOOKAHEAD; t++) {
      String w = words[t];
      if (PersonNames.isCompanyWord(w)) {
        return true;
      }
      boolean partOfFirmName = w.equals(",") || w.equalsIgnoreCase("and") || isCapitalized(w);
      if (!partOfFirmName) {
        return false;
      }
    }
    return false;
  }

  /** Whether a span holds a plural acronym ({@code EVs}, {@code SUVs}): no person's name does. */
  private static boolean hasPluralAcronym(String[] words, int first, int last) {
    for (int t = first; t <= last; t++) {
      String w = words[t];
      int n = w.length();
      if (n >= 3 && w.charAt(n - 1) == 's' && isAllUpper(w, n - 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAllUpper(String word, int length) {
    for (int i = 0; i < length; i++) {
      if (!Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCapitalized(String word) {
    return !word.isEmpty()
        && Character.isUpperCase(word.charAt(0))
        && (word.length() == 1 || !PersonNames.isTitle(word));
  }

  /**
   * Re-cuts the Apache UD-EWT tokens the way CoNLL-2003 (the model's training data) is cut: the UD
   * model keeps {@code Renault's} and {@code don't} whole but splits {@code Jean-Claude} into
   * {@code Jean} and {@code -Claude} (or {@code Anne} {@code -} {@code Marie}) and {@code J.R.}
   * into {@code J.R} and {@code .}; CoNLL does the opposite. So possessive {@code 's} and {@code
   * n't} are split off, and touching hyphens and the last dot of initials are glued back.
   */
  static Span[] conllTokens(Span[] spans, CharSequence text) {
    List<Span> out = new ArrayList<>(spans.length + 4);
    for (int i = 0; i < spans.length; i++) {
      int start = spans[i].getStart();
      int end = spans[i].getEnd();
      Span previous = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean touches = previous != null && previous.getEnd() == start;
      if (touches && text.charAt(start) == '-') {
        if (end - start > 1 && Character.isLetterOrDigit(text.charAt(start + 1))) {
          // "Dubois" "-Laurent" → "Dubois-Laurent"
          out.set(out.size() - 1, new Span(previous.getStart(), end));
          continue;
        }
        if (end - start == 1 && i + 1 < spans.length && spans[i + 1].getStart() == end) {
          // "Anne" "-" "Marie" → "Anne-Marie"
          out.set(out.size() - 1, new Span(previous.getStart(), spans[i + 1].getEnd()));
          i++;
          continue;
        }
      }
      if (touches && end - start == 1 && text.charAt(start) == '.' && isInitials(text, previous)) {
        // "J.R" "." → "J.R."
        out.set(out.size() - 1, new Span(previous.getStart(), end));
        continue;
      }
      int clitic = cliticStart(text, start, end);
      if (clitic > start) {
        out.add(new Span(start, clitic));
        out.add(new Span(clitic, end));
      } else {
        out.add(new Span(start, end));
      }
    }
    return out.toArray(new Span[0]);
  }

  /** Whether a token is initials missing their last dot: {@code J}, {@code J.R}, {@code U.S}. */
  private static boolean isInitials(CharSequence text, Span token) {
    int length = token.getEnd() - token.getStart();
    for (int k = 0; k < length; k++) {
      char c = text.charAt(token.getStart() + k);
      boolean letterPlace = k % 2 == 0;
      if (letterPlace ? !Character.isUpperCase(c) : c != '.') {
        return false;
      }
    }
    return length % 2 == 1;
  }

  /** Where a final {@code 's} or {@code n't} starts inside a token, or {@code start} if none. */
  private static int cliticStart(CharSequence text, int start, int end) {
    int length = end - start;
    if (length > 2) {
      char apostrophe = text.charAt(end - 2);
      char s = text.charAt(end - 1);
      if ((apostrophe == '\'' || apostrophe == '’') && (s == 's' || s == 'S')) {
        return end - 2;
      }
    }
    if (length > 3) {
      char n = text.charAt(end - 3);
      char apostrophe = text.charAt(end - 2);
      char t = text.charAt(end - 1);
      if ((n == 'n' || n == 'N')
          && (apostrophe == '\'' || apostrophe == '’')
          && (t == 't' || t == 'T')) {
        return end - 3;
      }
    }
    return start;
  }

  /**
   * The tokens of a sentence as the model sees them: a sentence written all in capitals (a
   * headline) is put in title case, so that its words look like names no more than any headline's.
   */
  public static String[] caseNormalized(String[] words) {
    int upperWords = 0;
    for (String word : words) {
      boolean letters = false;
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (Character.isLowerCase(c)) {
          return words;
        }
        letters |= Character.isLetter(c);
      }
      if (letters && word.length() > 1) {
        upperWords++;
      }
    }
    if (upperWords < 2) {
      return words;
    }
    String[] normalized = new String[words.length];
    for (int w = 0; w < words.length; w++) {
      normalized[w] = titleCase(words[w]);
    }
    return normalized;
  }

  private static String titleCase(String word) {
    if (word.length() < 2) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length());
    boolean startOfPart = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      out.append(startOfPart ? c : Character.toLowerCase(c));
      startOfPart = c == '-' || c == '.';
    }
    String result = out.toString();
    // "'S" and "N'T" are clitics, not names.
    return result.startsWith("'") ? result.toLowerCase(Locale.ROOT) : result;
  }

  private static boolean isPossessive(String word) {
    return word.equals("'s")
        || word.equals("’s")
        || word.equals("'")
        || word.equals("’")
        || word.equals("'S");
  }

  private static boolean isBracket(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> "()[]{}<>".indexOf(c) >= 0);
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUpperCase(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
