package dev.carnews.entity;

import dev.carnews.nlp.NameText;
import dev.carnews.nlp.PersonNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the article says about a name that makes it no person: the word right before the full name
 * names a firm, a publication, a work or a character ({@code accountancy firm Grant Thornton},
 * {@code brokers James Capel}, {@code the film Vera Drake}, {@code parts maker Robert Bosch}). A
 * name also written after an honorific ({@code Mr Capel}) stays a person. Decided from the text,
 * never from a list of names. (A determiner is no evidence: sports copy writes {@code a Paul
 * Scholes header} of real people.)
 */
final class NotPersonEvidence {

  /** Nouns that, right before a name, say it names a firm, a publication, a work or a character. */
  static final Set<String> NOT_PERSON_NOUNS =
      Set.of(
          "carmaker",
          "automaker",
          "supplier",
          "suppliers",
          "firm",
          "brokers",
          "brokerage",
          "bank",
          "insurer",
          "retailer",
          "magazine",
          "newspaper",
          "journal",
          "consultancy",
          "studio",
          "label",
          "videogame",
          "film",
          "movie",
          "novel",
          "album",
          "song",
          "sitcom",
          "musical",
          "character",
          "fictional",
          "brand");

  /**
   * Vehicle words that, right before or after a name, say it names a car: {@code a two-door
   * Legend}, {@code the Integra hatchback}. ({@code model} is not one: a fashion model is a
   * person.)
   */
  static final Set<String> VEHICLE_WORDS =
      Set.of(
          "sedan",
          "sedans",
          "saloon",
          "coupe",
          "hatchback",
          "convertible",
          "roadster",
          "pickup",
          "minivan",
          "suv",
          "crossover",
          "wagon",
          "two-door",
          "three-door",
          "four-door",
          "five-door");

  /** Makers of things, not of films: {@code parts maker Robert Bosch} (not {@code film maker}). */
  static final Set<String> MAKER_OF_GOODS =
      Set.of("parts", "components", "car", "tyre", "tire", "truck", "steel", "wine", "chip");

  /**
   * Nouns that, as the head of an apposition or right after a name, say it names an organisation
   * ({@code Ampere, the EV division of Renault}, {@code the Ampere division}).
   */
  static final Set<String> ORGANISATION_NOUNS =
      Set.of(
          "division",
          "unit",
          "subsidiary",
          "company",
          "carmaker",
          "automaker",
          "manufacturer",
          "maker",
          "brand",
          "arm",
          "startup",
          "start-up",
          "venture",
          "spin-off",
          "affiliate",
          "firm",
          "business",
          "department",
          "agency");

  /** Endings of nouns for people's roles ({@code its founder}, {@code its director}). */
  private static final List<String> ROLE_ENDINGS =
      List.of("er", "or", "ist", "man", "woman", "ent", "ant", "ive", "ee");

  private NotPersonEvidence() {}

  /**
   * A name owned by a thing ({@code its electric Gran Turismo}, {@code its Ampere}): people are
   * "his" or "her" somebody, and "its" before a person always has a role between ({@code its chief
   * executive}, {@code its founder}).
   */
  private static boolean isOwnedThing(List<String> before) {
    if (before.isEmpty()) {
      return false;
    }
    if (before.get(0).equals("its")) {
      return true;
    }
    if (before.size() < 2 || !before.get(1).equals("its")) {
      return false;
    }
    String word = before.get(0);
    if (!word.equals(word.toLowerCase(Locale.ROOT)) || PersonNames.isTitle(word)) {
      return false;
    }
    for (String ending : ROLE_ENDINGS) {
      if (word.endsWith(ending)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text right after a one-word name says it is an organisation: an organisation noun
   * right after it ({@code the Ampere division}) or heading an apposition ({@code Ampere, the
   * semi-autonomous division responsible for ...}, {@code Ampere, the electric vehicle (EV)
   * division of Renault}). An apposition about a person names a role ({@code Provost, the chief
   * executive}); one whose organisation noun is followed by another noun ({@code the company
   * founder}) or comes after a possessive or preposition ({@code the head of the division}) is no
   * evidence.
   */
  static boolean isOrganisation(String text, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 120));
    String[] words = after.split("[\\s]+", -1);
    int i = 0;
    if (words.length > 0 && words[0].isEmpty()) {
      i = 1; // the name was followed by a space
    } else if (after.startsWith(",")) {
      words = after.substring(1).strip().split("[\\s]+");
      if (words.length < 2 || !Set.of("the", "a", "an", "its").contains(words[0])) {
        return false;
      }
      for (int k = 1; k < words.length && k <= 5; k++) {
        String word = words[k].replaceAll("[(),.;:]+$", "");
        if (ORGANISATION_NOUNS.contains(word)) {
          return isHead(words, k, words[k]);
        }
        if (!word.equals(word.toLowerCase(Locale.ROOT)) && !word.startsWith("(")
            || word.endsWith("'s")
            || word.endsWith("’s")
            || Set.of("of", "at", "for", "in", "to", "and", "who").contains(word)) {
          return false;
        }
      }
      return false;
    } else {
      return false;
    }
    if (i < words.length) {
      String word = words[i].replaceAll("[(),.;:]+$", "");
      return ORGANISATION_NOUNS.contains(word) && isHead(words, i, words[i]);
    }
    return false;
  }

  /**
   * Whether the organisation noun at {@code k} ends its noun phrase: punctuation or no noun after.
   */
  private static boolean isHead(String[] words, int k, String raw) {
    if (!raw.matches(".*[\\p{L}-]")) {
      return true; // "division," "division."
    }
    if (k + 1 >= words.length) {
      return true;
    }
    String next = words[k + 1];
    return next.isEmpty()
        || !Character.isLetter(next.charAt(0))
        || Set.of(
                "of",
                "that",
                "which",
                "responsible",
                "based",
                "created",
                "owned",
                "set",
                "formed",
                "with",
                "in",
                "for",
                "to",
                "and",
                "is",
                "was",
                "has",
                "had",
                "will",
                "would",
                "run",
                "led",
                "within",
                "under",
                "at")
            .contains(next);
  }

  /**
   * The canonical names among the resolved persons that the text shows to be no person: a mention
   * by the full name has evidence against it and no mention follows an honorific.
   */
  static Set<String> of(List<Mention> mentions, String text) {
    Set<String> against = new HashSet<>();
    Set<String> honoured = new HashSet<>();
    for (Mention m : mentions) {
      List<String> before = wordsBefore(text, m.start());
      if (!before.isEmpty() && PersonNames.isHonorific(before.get(0))) {
        honoured.add(m.canonical());
      } else if (m.text().equals(m.canonical())
          && (isAgainst(before)
              || isVehicle(before, text, m.end())
              || isQuoted(text, m)
              || isInterCaps(m.canonical())
              || isOwnedThing(before)
              || (m.canonical().indexOf(' ') < 0 && isOrganisation(text, m.end()))
              || startsAFirmName(text, m.canonical()))) {
        against.add(m.canonical());
      }
    }
    against.removeAll(honoured);
    return against;
  }

  private static boolean isVehicle(List<String> before, String text, int end) {
    if (!before.isEmpty() && VEHICLE_WORDS.contains(before.get(0).toLowerCase(Locale.ROOT))) {
      return true;
    }
    int begin = end;
    while (begin < text.length() && text.charAt(begin) == ' ') {
      begin++;
    }
    int wordEnd = begin;
    while (wordEnd < text.length()
        && (Character.isLetter(text.charAt(wordEnd)) || text.charAt(wordEnd) == '-')) {
      wordEnd++;
    }
    return wordEnd > begin
        && begin > end
        && VEHICLE_WORDS.contains(text.substring(begin, wordEnd).toLowerCase(Locale.ROOT));
  }

  /**
   * A name standing alone in double quotes ({@code the "Legend" or "Integra"}) is a title: people's
   * names are not quoted, only nicknames inside them.
   */
  private static boolean isQuoted(String text, Mention m) {
    return m.start() > 0
        && m.end() < text.length()
        && isQuote(text.charAt(m.start() - 1))
        && isQuote(text.charAt(m.end()));
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '“' || c == '”';
  }

  /**
   * A one-word name that the article also writes as the start of a firm's name ({@code Magna} where
   * {@code Magna International Inc} appears): the lone word is the firm. Up to three capitalised
   * words may stand between it and the company word.
   */
  static boolean startsAFirmName(String text, String name) {
    if (name.indexOf(' ') >= 0 || name.length() < 2) {
      return false;
    }
    int from = 0;
    int at;
    while ((at = text.indexOf(name, from)) >= 0) {
      from = at + name.length();
      boolean wordStart = at == 0 || !Character.isLetter(text.charAt(at - 1));
      if (!wordStart || (from < text.length() && Character.isLetter(text.charAt(from)))) {
        continue;
      }
      String[] next =
          text.substring(from, Math.min(text.length(), from + 80)).strip().split("\\s+");
      for (int i = 0; i < next.length && i < 4; i++) {
        if (PersonNames.isCompanyWord(next[i])) {
          return true;
        }
        if (next[i].isEmpty() || !Character.isUpperCase(next[i].charAt(0))) {
          break;
        }
      }
    }
    return false;
  }

  /**
   * Name prefixes after which a capital is part of a person's name: McLaren, DeShawn, MacKenzie.
   */
  private static final List<String> CAPITAL_PREFIXES =
      List.of("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "O'", "O’");

  /**
   * A single word with a capital inside it after four or more letters ({@code AppleSkin}, {@code
   * PlayStation}) is a product's or a firm's name; people's names capitalise after a prefix ({@code
   * McLaren}, {@code DiCaprio}) or a short first part ({@code JoAnn}).
   */
  static boolean isInterCaps(String name) {
    if (name.indexOf(' ') >= 0 || name.indexOf('-') >= 0 || name.length() < 6) {
      return false;
    }
    for (String prefix : CAPITAL_PREFIXES) {
      if (name.startsWith(prefix)) {
        return false;
      }
    }
    for (int i = 4; i < name.length(); i++) {
      if (Character.isUpperCase(name.charAt(i)) && Character.isLowerCase(name.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAgainst(List<String> before) {
    if (before.isEmpty() || !before.get(0).equals(before.get(0).toLowerCase(Locale.ROOT))) {
      return false;
    }
    String previous = before.get(0);
    if (NOT_PERSON_NOUNS.contains(previous)) {
      return true;
    }
    return (previous.equals("maker") || previous.equals("makers"))
        && before.size() == 2
        && MAKER_OF_GOODS.contains(before.get(1));
  }

  /** Up to two words right before {@code start}, nearest first; none across punctuation. */
  private static List<String> wordsBefore(String text, int start) {
    List<String> words = new ArrayList<>(2);
    int end = start;
    while (words.size() < 2) {
      while (end > 0 && NameText.isSpace(text.charAt(end - 1))) {
        end--;
        if (text.charAt(end) == '\n' && end > 0 && text.charAt(end - 1) == '\n') {
          return words; // a paragraph or the title ends before the name
        }
      }
      int wordEnd = end;
      if (end > 0 && text.charAt(end - 1) == '.') {
        end--; // "Mr." keeps its dot out of the word
      }
      int begin = end;
      while (begin > 0
          && (Character.isLetter(text.charAt(begin - 1)) || text.charAt(begin - 1) == '-')) {
        begin--;
      }
      if (begin == end) {
        break;
      }
      String word = text.substring(begin, end);
      if (wordEnd != end && !(words.isEmpty() && PersonNames.isHonorific(word))) {
        break; // a sentence ends before the name: no word of it is evidence
      }
      words.add(words.isEmpty() ? word : word.toLowerCase(Locale.ROOT));
      end = begin;
    }
    return words;
  }
}
