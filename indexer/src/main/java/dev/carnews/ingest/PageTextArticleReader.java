package dev.carnews.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a news page saved as text ({@code .txt}): the page's visible text with breadcrumbs on top,
 * then the title, a standfirst, a byline block (repeated names and a role), the story interleaved
 * with ads, image captions (a short line printed twice) and {@code MORE:} links, and an author
 * block and bio at the end. Keeps the title as written, the byline's name as author, and only the
 * story (standfirst first) as body. A date is taken only when the page states one on a line of its
 * own ({@code Published 3 March 2025}), else from {@link ReadOptions}, else left unknown.
 */
public final class PageTextArticleReader implements ArticleReader {

  private static final Pattern BREADCRUMB = Pattern.compile("^\\d{1,2}\\.\\s+\\S.{0,60}$");

  /** A breadcrumb trail on one line: {@code Home > Car News > Brand}. */
  private static final Pattern BREADCRUMB_TRAIL =
      Pattern.compile("^(?i)home(?:\\s*[>›»/|]\\s*[^>›»/|]{1,40}){1,6}$");

  /** What follows the name on a byline line: a role, an outlet or a date. */
  private static final Pattern BYLINE_SEPARATOR = Pattern.compile("\\s*(?:[|·•,]|\\s[-–—]\\s)\\s*");

  private static final Pattern NAME_WORD =
      Pattern.compile("^(?:\\p{Lu}[\\p{L}'’.-]*|de|da|di|del|van|von|der|le|la|al|bin|dos)$");
  private static final Set<String> ROLE_WORDS =
      Set.of(
          "journalist",
          "editor",
          "reporter",
          "writer",
          "correspondent",
          "contributor",
          "columnist",
          "photographer",
          "producer",
          "staff",
          "senior",
          "chief",
          "deputy",
          "managing",
          "associate",
          "executive",
          "motoring",
          "news",
          "content",
          "digital",
          "automotive",
          "tester",
          "road",
          "features",
          "reviews",
          "contributing",
          "freelance",
          "head",
          "of",
          "and",
          "founder",
          "publisher",
          "video",
          "intern");
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(?:(published|posted|first published|updated|last updated|date)\\s*(?:on|at)?\\s*:?\\s*)?"
              + "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?"
              + "(\\d{4}-\\d{2}-\\d{2}.*|\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}{3,9}\\.?,?\\s+\\d{4}.*"
              + "|\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK_LINE =
      Pattern.compile(
          "^(?:MORE|READ MORE|RELATED|ALSO READ|SEE ALSO|READ NEXT|WATCH|LISTEN|READ|LIKE THIS)\\s*:.*",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> STRONG_PROMO =
      List.of(
          "click here",
          "tap here",
          "advertisement",
          "sponsored content",
          "sign up for our",
          "subscribe to our",
          "download our app");
  private static final List<String> WEAK_PROMO =
      List.of(
          "great deal",
          "best deal",
          "savings",
          "save you",
          "trusted advice",
          "expert advice",
          "personalised service",
          "personalized service",
          "smarter choices",
          "better prices",
          "special offer",
          "exclusive offer",
          "find out more",
          "get a quote",
          "enquire now",
          "newsletter",
          "follow us",
          "your next new car",
          "trusted reviews");
  private static final Set<String> END_MARKERS =
      Set.of(
          "read more",
          "you might also like",
          "you may also like",
          "related articles",
          "more from",
          "share this article",
          "comments",
          "recommended");

  @Override
  public boolean accepts(Path file) {
    return InputFiles.lowerName(file).endsWith(".txt");
  }

  @Override
  public void read(Path file, ReadOptions options, ArticleSink sink) throws IOException {
    String text = new String(InputFiles.readAllBytes(file), StandardCharsets.UTF_8);
    try {
      sink.accept(parse(text, options));
    } catch (MalformedArticleException e) {
      sink.skipped(file.toString(), e.getMessage());
    }
  }

  /**
   * Parses one page's text.
   *
   * @throws MalformedArticleException when no title or no story text can be found
   */
  public Article parse(String pageText, ReadOptions options) {
    List<Line> lines = lines(pageText);
    int at = 0;
    while (at < lines.size() && isBreadcrumb(lines.get(at).text)) {
      at++;
    }
    Instant published = null;
    Instant updated = null;
    while (at < lines.size() && dateLine(lines.get(at).text).isPresent()) {
      if (isUpdate(lines.get(at).text)) {
        updated = updated == null ? dateLine(lines.get(at).text).get() : updated;
      } else {
        published = published == null ? dateLine(lines.get(at).text).get() : published;
      }
      at++;
    }
    if (at >= lines.size()) {
      throw new MalformedArticleException("no title: the page has no text after its breadcrumbs");
    }
    String title = lines.get(at).text;
    at++;

    // The header: standfirst, byline names, roles and dates, up to the first story paragraph after
    // the byline.
    Set<String> names = new LinkedHashSet<>();
    Set<String> confirmed = new LinkedHashSet<>();
    String lastName = null;
    List<String> body = new ArrayList<>();
    while (at < lines.size()) {
      String line = lines.get(at).text;
      Optional<Instant> date = dateLine(line);
      Optional<String> name = byline(line);
      if (isCaption(lines, at)) {
        at++; // a caption printed twice: skip both
      } else if (date.isPresent() && isUpdate(line)) {
        updated = updated == null ? date.get() : updated;
      } else if (date.isPresent()) {
        published = published == null ? date.get() : published;
      } else if (name.isPresent()) {
        names.add(name.get());
        lastName = name.get();
        if (!line.equals(name.get())) {
          confirmed.add(name.get()); // "By ..." says it is a byline
          if (published == null) {
            published = PublishedDates.find(line).orElse(null);
          }
        }
      } else if (isRole(line)) {
        if (lastName != null) {
          confirmed.add(lastName); // a role under a name says it is a byline
        }
      } else if (isSentence(line) && !names.isEmpty()) {
        break;
      } else if (isSentence(line) && body.isEmpty()) {
        body.add(line);
      } else if (!isSentence(line) && body.isEmpty() && names.isEmpty()) {
        // a short non-sentence line between title and byline (a kicker or label)
      } else {
        break;
      }
      at++;
    }
    // Name-like lines that no "By" or role confirms (a caption such as a model name) are not
    // authors when another line is confirmed.
    List<String> authors = new ArrayList<>(confirmed.isEmpty() ? names : confirmed);

    for (; at < lines.size(); at++) {
      Line line = lines.get(at);
      String text = line.text;
      if (isAuthorBlockStart(text, authors)
          || END_MARKERS.contains(text.toLowerCase(Locale.ROOT))) {
        break;
      }
      if (isCaption(lines, at)) {
        at++; // a caption printed twice: skip both
        continue;
      }
      Optional<Instant> date = dateLine(text);
      if (date.isPresent() && isUpdate(text)) {
        updated = updated == null ? date.get() : updated;
        continue;
      } else if (date.isPresent()) {
        published = published == null ? date.get() : published;
        continue;
      }
      if (LINK_LINE.matcher(text).matches() || !isSentence(text) || isPromo(text)) {
        continue;
      }
      body.add(text);
    }
    if (body.isEmpty()) {
      throw new MalformedArticleException("no story text found after the title");
    }
    if (published == null) {
      published = updated != null ? updated : options.defaultPublished();
    }
    String joined = String.join("\n\n", body);
    return new Article(
        ArticleIds.fromContent(title, joined),
        null,
        title,
        joined,
        authors,
        published,
        null,
        List.of());
  }

  /** Image captions come out as the same short line twice in a row, with no blank between. */
  private static boolean isCaption(List<Line> lines, int at) {
    return at + 1 < lines.size()
        && lines.get(at + 1).text.equals(lines.get(at).text)
        && !lines.get(at + 1).afterBlank;
  }

  private static boolean isAuthorBlockStart(String text, List<String> authors) {
    for (String author : authors) {
      if (text.equals(author) || text.equals("By " + author)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBreadcrumb(String line) {
    return BREADCRUMB.matcher(line).matches() || BREADCRUMB_TRAIL.matcher(line).matches();
  }

  /**
   * The name when the line is a byline: {@code Jane Doe}, {@code By Jane Doe}, or {@code By Jane
   * Doe | Senior Editor | 3 March 2025}.
   */
  static Optional<String> byline(String line) {
    String text = line.strip();
    if (text.regionMatches(true, 0, "by ", 0, 3)) {
      text = text.substring(3).strip();
      text = BYLINE_SEPARATOR.split(text, 2)[0];
    }
    if (text.length() > 40 || isRole(text)) {
      return Optional.empty();
    }
    String[] words = text.split("\\s+");
    if (words.length < 2 || words.length > 4) {
      return Optional.empty();
    }
    for (String word : words) {
      if (!NAME_WORD.matcher(word).matches()) {
        return Optional.empty();
      }
    }
    char last = text.charAt(text.length() - 1);
    return last == '.' && words[words.length - 1].length() > 2
        ? Optional.empty()
        : Optional.of(text);
  }

  private static boolean isRole(String line) {
    String[] words = line.toLowerCase(Locale.ROOT).split("[\\s,&/]+");
    if (words.length > 5) {
      return false;
    }
    boolean any = false;
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      if (!ROLE_WORDS.contains(word)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean isUpdate(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return lower.startsWith("updated") || lower.startsWith("last updated");
  }

  private static Optional<Instant> dateLine(String line) {
    if (line.length() > 60 || !DATE_LINE.matcher(line).matches()) {
      return Optional.empty();
    }
    return PublishedDates.find(line);
  }

  /** Story text ends like a sentence or is long; captions, labels and taglines are neither. */
  private static boolean isSentence(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    boolean terminal = ".!?…\"”’)".indexOf(last) >= 0;
    int words = text.split("\\s+").length;
    return (terminal && words >= 4) || words >= 15;
  }

  private static boolean isPromo(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (String phrase : STRONG_PROMO) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    int weak = 0;
    for (String phrase : WEAK_PROMO) {
      if (lower.contains(phrase)) {
        weak++;
      }
    }
    return weak >= 2;
  }

  private static List<Line> lines(String text) {
    List<Line> lines = new ArrayList<>();
    boolean afterBlank = true;
    for (String raw : text.replace("\uFEFF", "").split("\\R")) {
      String stripped = raw.strip();
      if (stripped.isEmpty()) {
        afterBlank = true;
        continue;
      }
      lines.add(new Line(stripped, afterBlank));
      afterBlank = false;
    }
    return lines;
  }

  private record Line(String text, boolean afterBlank) {}
}
