package dev.carnews.entity;

import dev.carnews.nlp.NameText;
import dev.carnews.nlp.PersonNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans bylines into author names for the author facet: {@code "By TOM KRISHER, AP Auto Writer"}
 * gives {@code Tom Krisher}, {@code "By Jane Doe and John Roe"} gives both.
 *
 * <p>What it drops: {@code By}, job titles ({@code Staff Reporter}, {@code Motoring Editor}),
 * editors and photographers ({@code Editing by ...}), e-mail addresses and handles ({@code Twitter:
 * @x}), dates and {@code Updated ...} fragments. A news agency ({@code Reuters}, {@code AP}, {@code
 * Agence France-Presse}) is a legitimate author of wire copy: it is kept, with its usual name, but
 * only when no person wrote the piece ({@code "Jane Doe | Reuters"} gives {@code Jane Doe}). Names in
 * capitals are title-cased with particles and {@code Mc}/{@code Mac}/{@code O'} prefixes handled
 * ({@code DE LA CRUZ}, {@code O'NEIL}, {@code MCDONALD}). Results keep their order, without
 * case-insensitive duplicates.
 */
public final class AuthorNames {

  private static final Pattern TRAILING_DATE =
      Pattern.compile(
          "(?i)\\b(updated|last updated|published|first published|posted|modified)\\b.*$");
  private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+");
  private static final Pattern HANDLE_LABEL =
      Pattern.compile("(?i)\\b(twitter|x|instagram|email|e-mail|follow)\\s*:?\\s*@?\\w*\\s*$");
  private static final Pattern HANDLE = Pattern.compile("@\\w+");
  private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");

  /** Weekday names as whole words (not "Sunniva", "Monica"). */
  private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

  /** Weekday abbreviations: only with their dot or comma, since "Sun" and "Sat" are also names. */
  private static final String WEEKDAY_SHORT = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";

  /** Month names and their usual abbreviations, as whole words (not "Marnie", "Augustin"). */
  private static final String MONTH =
      "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept"
          + "|september|oct|october|nov|november|dec|december";

  private static final Pattern DATE =
      Pattern.compile(
          "(?i)\\b(?:"
              + WEEKDAY
              + ")\\b,?\\s+"
              + "|\\b(?:"
              + WEEKDAY_SHORT
              + ")[.,]\\s*"
              + "|\\b(?:"
              + MONTH
              + ")\\b\\.?\\s+\\d{1,2}"
              + "(st|nd|rd|th)?,?(\\s+\\d{4})?"
              + "|\\b\\d{1,2}(st|nd|rd|th)?\\s+(?:"
              + MONTH
              + ")\\b\\.?,?(\\s+\\d{4})?"
              + "|\\b\\d{4}-\\d{2}-\\d{2}(t[\\d:.+\\-z]*)?"
              + "|\\b\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*"
              + "(et|gmt|utc|bst|est|edt|pt|pst|pdt|cet|aest|aedt)?\\b");
  private static final Pattern SEGMENT_BREAK =
      Pattern.compile("\\s*(?:[|•·;\\n\\r]|\\s[-–—]\\s|,)\\s*");
  private static final Pattern PERSON_BREAK =
      Pattern.compile("(?i)\\s*(?:\\band\\b|&|\\bwith\\b)\\s*");
  private static final Pattern LEADING_BY =
      Pattern.compile(
          "(?i)^(?:(?:written|words|story|text|reporting|report|additional reporting|compiled)"
              + "\\s+)?by\\b[:\\s]*|^words\\s*:\\s*");
  private static final Pattern NOT_AN_AUTHOR =
      Pattern.compile(
          "(?i)^(?:edit(?:ed|ing)|photos?|photography|pictures|images|video|graphics|illustrations?"
              + "|produced|sub-?edited)\\b.*");
  private static final Pattern NAME_WORD =
      Pattern.compile("\\p{L}[\\p{L}\\p{M}'’.\\-]*\\.?|\\p{L}\\.");

  /** An elided particle before a capitalised name: {@code d'Afflisio}, {@code d'ARCY}. */
  private static final Pattern ELIDED = Pattern.compile("\\p{Ll}['’]\\p{Lu}.*");

  /** Folded agency names, and how the facet spells them. */
  private static final Map<String, String> AGENCIES = agencies();

  /** Words of job titles and desks: a byline part with one of them is not (all) a name. */
  private static final Set<String> TITLE_WORDS =
      Set.of(
          "writer",
          "writers",
          "reporter",
          "reporters",
          "editor",
          "editors",
          "correspondent",
          "correspondents",
          "columnist",
          "contributor",
          "contributors",
          "contributing",
          "staff",
          "senior",
          "chief",
          "bureau",
          "producer",
          "photographer",
          "journalist",
          "journalists",
          "team",
          "desk",
          "newsroom",
          "motoring",
          "auto",
          "autos",
          "automotive",
          "business",
          "technology",
          "special",
          "guest",
          "intern",
          "wire",
          "wires",
          "service",
          "services",
          "agency",
          "agencies",
          "news",
          "deputy",
          "associate",
          "assistant",
          "managing",
          "executive",
          "national",
          "international",
          "political",
          "economics",
          "industry",
          "transport",
          "online",
          "digital",
          "content",
          "features",
          "sub-editor",
          "editorial",
          "director",
          "head",
          "lead",
          "freelance",
          "freelancer",
          "our",
          "the",
          "in",
          "at",
          "for",
          "from",
          "of",
          "to");

  /** Scottish and Irish names written MacX; other Mac- names (Machado, Mackie) stay Macx. */
  private static final Set<String> MAC_NAMES =
      Set.of(
          "macdonald",
          "mackenzie",
          "macleod",
          "macarthur",
          "macmillan",
          "macgregor",
          "macintyre",
          "mackay",
          "maclean",
          "macpherson",
          "macneil",
          "macaulay",
          "macbride",
          "macinnes",
          "maclachlan",
          "macrae",
          "macdougall",
          "macfarlane",
          "maccallum",
          "macintosh",
          "mackinnon",
          "macneill",
          "maclennan",
          "macqueen",
          "macaskill",
          "macdonnell");

  private AuthorNames() {}

  private static Map<String, String> agencies() {
    Map<String, String> agencies = new LinkedHashMap<>();
    for (String name : List.of("reuters", "thomson reuters", "reuters staff", "reuters news")) {
      agencies.put(name, "Reuters");
    }
    for (String name :
        List.of("ap", "the associated press", "associated press", "ap staff", "ap news")) {
      agencies.put(name, "Associated Press");
    }
    for (String name :
        List.of("afp", "agence france-presse", "agence france presse", "afp staff", "a.f.p.")) {
      agencies.put(name, "AFP");
    }
    for (String name : List.of("bloomberg", "bloomberg news", "bloomberg staff")) {
      agencies.put(name, "Bloomberg");
    }
    for (String name : List.of("pa", "pa media", "press association", "the press association")) {
      agencies.put(name, "PA Media");
    }
    agencies.put("aap", "AAP");
    agencies.put("australian associated press", "AAP");
    agencies.put("dpa", "dpa");
    agencies.put("deutsche presse-agentur", "dpa");
    agencies.put("xinhua", "Xinhua");
    agencies.put("kyodo", "Kyodo News");
    agencies.put("kyodo news", "Kyodo News");
    agencies.put("upi", "UPI");
    agencies.put("united press international", "UPI");
    agencies.put("efe", "EFE");
    agencies.put("ansa", "ANSA");
    agencies.put("yonhap", "Yonhap");
    agencies.put("press trust of india", "PTI");
    agencies.put("pti", "PTI");
    agencies.put("canadian press", "The Canadian Press");
    agencies.put("the canadian press", "The Canadian Press");
    return Map.copyOf(agencies);
  }

  /**
   * The author names in some bylines, in order, without duplicates (ignoring case). An agency is
   * kept only when no person is named.
   */
  public static List<String> clean(List<String> bylines) {
    List<String> people = new ArrayList<>();
    List<String> agencies = new ArrayList<>();
    for (String byline : bylines) {
      if (byline == null) {
        continue;
      }
      for (String part : parts(byline)) {
        String agency = agency(part);
        if (agency != null) {
          agencies.add(agency);
        } else {
          cleanOne(part).ifPresent(people::add);
        }
      }
    }
    return distinct(people.isEmpty() ? agencies : people);
  }

  /**
   * One author name cleaned: {@code "By JANE DOE"} gives {@code Jane Doe}, an agency gives its
   * usual name ({@code "AP"} gives {@code Associated Press}); a job title, a date or an address
   * gives nothing. Does not split several names; {@link #clean(List)} does.
   */
  public static Optional<String> cleanOne(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String text = tidy(name);
    String agency = agency(text);
    if (agency != null) {
      return Optional.of(agency);
    }
    List<String> words = nameWords(text);
    if (words.size() < 2 || words.size() > 5) {
      return Optional.empty();
    }
    String cleaned = NameText.clean(recase(words));
    return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
  }

  /** Splits a byline into the parts that may each be one name. */
  private static List<String> parts(String byline) {
    String text = TRAILING_DATE.matcher(byline).replaceAll(" ");
    text = URL.matcher(text).replaceAll(" ");
    text = EMAIL.matcher(text).replaceAll(" ");
    text = HANDLE_LABEL.matcher(text).replaceAll(" ");
    text = HANDLE.matcher(text).replaceAll(" ");
    text = DATE.matcher(text).replaceAll(" ");
    List<String> parts = new ArrayList<>();
    for (String segment : SEGMENT_BREAK.split(text)) {
      String trimmed = LEADING_BY.matcher(segment.strip()).replaceFirst("").strip();
      if (trimmed.isEmpty() || NOT_AN_AUTHOR.matcher(trimmed).matches()) {
        continue;
      }
      for (String person : PERSON_BREAK.split(trimmed)) {
        String part = person.strip();
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
    }
    return parts;
  }

  private static String tidy(String name) {
    String text = name.replaceAll("[\\s\\u00a0]+", " ").strip();
    text = LEADING_BY.matcher(text).replaceFirst("").strip();
    return text.replaceAll("^[\"'“‘(\\[]+|[\"'”’)\\].,:;!?]+$", "").strip();
  }

  private static String agency(String part) {
    String key = tidy(part).toLowerCase(Locale.ROOT);
    return AGENCIES.get(key);
  }

  /**
   * The words of the first run of two or more name-like words not broken by a job title: {@code
   * "Senior Reporter Jane Doe"} gives {@code Jane, Doe}.
   */
  private static List<String> nameWords(String text) {
    List<String> run = new ArrayList<>();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      boolean title = TITLE_WORDS.contains(word.toLowerCase(Locale.ROOT));
      boolean nameLike = NAME_WORD.matcher(word).matches() && !title;
      boolean particle = PersonNames.isParticle(word.toLowerCase(Locale.ROOT));
      boolean capitalised =
          Character.isUpperCase(word.codePointAt(0)) || ELIDED.matcher(word).matches();
      if (nameLike && (particle || capitalised || allLower(text))) {
        run.add(word);
      } else {
        if (run.size() >= 2) {
          return run;
        }
        run.clear();
        if (!title) {
          // a word that is neither a name nor a title (digits, a lower-case word): not a byline
          // name
          return List.of();
        }
      }
    }
    return run.size() >= 2 ? run : List.of();
  }

  private static boolean allLower(String text) {
    return text.equals(text.toLowerCase(Locale.ROOT));
  }

  /**
   * Title-cases names written all in capitals or all in lower case; keeps mixed case as written.
   */
  private static String recase(List<String> words) {
    String joined = String.join(" ", words);
    boolean caps = words.stream().allMatch(AuthorNames::capsWord);
    boolean lower = joined.equals(joined.toLowerCase(Locale.ROOT));
    if (!caps && !lower) {
      return joined;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).toLowerCase(Locale.ROOT);
      if (i > 0) {
        out.append(' ');
      }
      if (i > 0 && i < words.size() - 1 && PersonNames.isParticle(word)) {
        out.append(word);
      } else {
        out.append(capitalise(word));
      }
    }
    return out.toString();
  }

  /** A word in capitals, a lower-case particle, or an elided particle before capitals. */
  private static boolean capsWord(String word) {
    String rest = ELIDED.matcher(word).matches() ? word.substring(2) : word;
    return rest.equals(rest.toUpperCase(Locale.ROOT))
        || PersonNames.isParticle(word.toLowerCase(Locale.ROOT))
            && word.equals(word.toLowerCase(Locale.ROOT));
  }

  /** {@code jean-pierre} → {@code Jean-Pierre}, {@code o'neil} → {@code O'Neil}, Mc and Mac. */
  private static String capitalise(String word) {
    StringBuilder out = new StringBuilder(word.length());
    boolean start = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == '-' || c == '\'' || c == '’' || c == '.';
    }
    String result = out.toString();
    String lower = word.replaceAll("[^\\p{L}]", "");
    if (result.startsWith("Mc") && result.length() > 3) {
      result = "Mc" + Character.toUpperCase(result.charAt(2)) + result.substring(3);
    } else if (result.startsWith("Mac") && MAC_NAMES.contains(lower)) {
      result = "Mac" + Character.toUpperCase(result.charAt(3)) + result.substring(4);
    }
    return result;
  }

  private static List<String> distinct(List<String> names) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (seen.add(name.toLowerCase(Locale.ROOT))) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }
}
