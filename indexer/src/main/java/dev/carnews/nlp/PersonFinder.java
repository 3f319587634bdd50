package dev.carnews.nlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    Object names = models.personModel().getArtifact(NlpModels.GAZETTEER_FILE);
    this.gazetteer = names instanceof WordClasses classes ? classes : null;
  }

  /** The person mentions of one document with the model's confidence, in text order. */
  public List<ScoredMention> findScored(String text) {
    names.clearAdaptiveData();
    List<Sentence> document = new ArrayList<>();
    boolean wrapped = TextLayout.looksHardWrapped(text);
    int from = 0;
    while (from < text.length()) {
      int to = TextLayout.paragraphEnd(text, from, wrapped);
      if (to > from) {
        addSentences(text, from, to, document);
      }
      from = to + 1;
    }
    List<ScoredMention> found = new ArrayList<>();
    SentenceWindow window =
        new SentenceWindow(
                document.stream().map(Sentence::modelWords).toList(), SentenceWindow.RADIUS)
            .install();
    try {
      for (int s = 0; s < document.size(); s++) {
        window.at(s);
        findInSentence(text, document.get(s), found);
      }
    } finally {
      SentenceWindow.uninstall();
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    if (!firmNames.isEmpty()) {
      found.removeIf(m -> firmNames.contains(m.text()) && !ownsTheFirm(text, m));
      firmNames.clear();
    }
    return found;
  }

  /**
   * One sentence as the model reads it.
   *
   * @param start where the sentence starts in the document
   * @param text the sentence
   * @param tokenSpans its tokens, CoNLL-style, relative to {@code text}
   * @param words the tokens' text
   * @param modelWords the tokens as the model receives them (headlines in title case)
   */
  private record Sentence(
      int start, String text, Span[] tokenSpans, String[] words, String[] modelWords) {}

  /** How many tokens this finder has tagged so far (for benchmarks). */
  public long tokensProcessed() {
    return tokens;
  }

  private void addSentences(String text, int from, int to, List<Sentence> document) {
    // Soft line breaks inside the paragraph become spaces; offsets stay the same.
    String paragraph = text.substring(from, to).replace('\n', ' ');
    if (paragraph.isBlank()) {
      return;
    }
    for (Span sentence :
        TextLayout.joinedAtInitials(sentences.sentPosDetect(paragraph), paragraph)) {
      String sentenceText = sentence.getCoveredText(paragraph).toString();
      Span[] tokenSpans = ConllTokens.of(tokenizer.tokenizePos(sentenceText), sentenceText);
      if (tokenSpans.length > 0) {
        String[] words = Span.spansToStrings(tokenSpans, sentenceText);
        document.add(
            new Sentence(
                from + sentence.getStart(),
                sentenceText,
                tokenSpans,
                words,
                caseNormalized(words)));
      }
    }
  }

  private void findInSentence(String text, Sentence sentence, List<ScoredMention> found) {
    int sentenceStart = sentence.start();
    String sentenceText = sentence.text();
    Span[] tokenSpans = sentence.tokenSpans();
    String[] words = sentence.words();
    tokens += words.length;
    Span[] nameSpans = names.find(sentence.modelWords());
    double[] probs = names.probs(nameSpans);
    boolean[] covered = new boolean[words.length];
    List<int[]> ranges = new ArrayList<>();
    List<Double> confidences = new ArrayList<>();
    for (int i = 0; i < nameSpans.length; i++) {
      Span name = nameSpans[i];
      // "Engineer Sofia Brandt presented ...": the model may read the capitalised job word before
      // a sentence-initial name as part of it (a person) or the whole as an organisation.
      Optional<Span> person = nameAfterLeadingWord(name, words);
      if (person.isPresent()) {
        name = person.get();
      } else if (!NlpModels.PERSON.equals(name.getType())) {
        continue;
      }
      int first = name.getStart();
      int last = name.getEnd() - 1;
      while (first <= last
          && (PersonNames.isTitle(words[first])
              || !hasLetter(words[first])
              || PersonNames.isDescriptor(words[first]))) {
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
      // "Eberhard von Kuenheim": the model may end the name before its particle and surname.
      int after = last + 1;
      while (after < words.length && PersonNames.isParticle(words[after])) {
        after++;
      }
      if (first <= last
          && after > last + 1
          && after < words.length
          && isCapitalized(words[after])
          && hasLetter(words[after])) {
        last = after;
      }
      if (first > last
          || hasPluralAcronym(words, first, last)
          || (covered[first] && covered[last])) {
        continue;
      }
      if (isCompanyName(words, first, last)) {
        // The same words elsewhere in the document name the firm too ("Smith Barney analyst").
        firmNames.add(
            NameText.of(sentenceText, tokenSpans[first].getStart(), tokenSpans[last].getEnd()));
        continue;
      }
      // A name that now overlaps one found before it ("Eberhard" then "von Kuenheim") is one name.
      double confidence = Math.min(1, Math.max(0, probs[i]));
      for (int r = ranges.size() - 1; r >= 0; r--) {
        int[] before = ranges.get(r);
        if (before[1] >= first && before[0] <= last) {
          first = Math.min(first, before[0]);
          last = Math.max(last, before[1]);
          confidence = Math.max(confidence, confidences.get(r));
          ranges.remove(r);
          confidences.remove(r);
        }
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
            confidences.add(confidence);
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
      if (surface.isEmpty() || !hasUpperCase(surface) || hasTickerMarkup(text, start, end)) {
        continue;
      }
      found.add(new ScoredMention(surface, start, end, confidences.get(r)));
    }
  }

  /**
   * The person inside a sentence-initial span that starts with a capitalised common word: the model
   * reads {@code Engineer Sofia Brandt presented ...} as one organisation, or as one person. When
   * the first word is no name and the next is a known first name, followed by one or two more
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
    return Optional.of(new Span(1, span.getEnd(), NlpModels.PERSON));
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

  /**
   * Whether a mention is the person a firm is named after, as the text says: {@code analyst Arvid
   * Jauppi of Arvid Jauppi and Associates}.
   */
  private static boolean ownsTheFirm(String text, ScoredMention person) {
    int i = person.end();
    int n = text.length();
    while (i < n && NameText.isSpace(text.charAt(i))) {
      i++;
    }
    if (!text.startsWith("of", i)) {
      return false;
    }
    i += 2;
    int afterOf = i;
    while (i < n && NameText.isSpace(text.charAt(i))) {
      i++;
    }
    return i > afterOf
        && NameText.of(text, i, Math.min(n, i + person.text().length() + 8))
            .startsWith(person.text());
  }

  /**
   * Whether a name holds or is followed by Reuters ticker markup ({@code FANNIE MAE<FNM>}, {@code
   * Sainsbury Plc <SNB.L>}): the markup marks a listed company, never a person.
   */
  private static boolean hasTickerMarkup(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '<' || text.charAt(i) == '>') {
        return true;
      }
    }
    int next = end;
    while (next < text.length() && text.charAt(next) == ' ') {
      next++;
    }
    return next + 1 < text.length()
        && text.charAt(next) == '<'
        && Character.isUpperCase(text.charAt(next + 1));
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
