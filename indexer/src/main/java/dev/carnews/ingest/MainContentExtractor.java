package dev.carnews.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the story text of a news page: removes what is never story (scripts, navigation, forms,
 * figures, share and related blocks, ads), then takes the marked-up article body when the page has
 * one, else the block that a text-density score (in the spirit of Readability) rates highest,
 * together with its sibling blocks that look like story paragraphs.
 */
final class MainContentExtractor {

  private static final Logger LOG = LoggerFactory.getLogger(MainContentExtractor.class);

  /**
   * Another candidate scoring at least this share of the best one is taken as a further chunk of
   * the same story (measured on corpora/aeb: 0.5 beat 0.75 and no merging).
   */
  private static final double CHUNK_SCORE_RATIO = 0.5;

  private static final Set<String> ALWAYS_REMOVE =
      Set.of(
          "script",
          "style",
          "noscript",
          "iframe",
          "nav",
          "footer",
          "aside",
          "figure",
          "figcaption",
          "button",
          "svg",
          "template",
          "select",
          "input",
          "textarea",
          "object",
          "embed",
          "video",
          "audio",
          "canvas",
          "map",
          "link",
          "meta",
          "dialog",
          "menu");
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "blockquote",
          "pre",
          "table",
          "tbody",
          "thead",
          "tr",
          "td",
          "th",
          "dl",
          "dd",
          "dt",
          "header",
          "footer",
          "figure",
          "aside",
          "hr",
          "form",
          "fieldset",
          "center",
          "address",
          "body",
          "html",
          "nav");

  /** Class or id words of blocks that are never story, unless they hold the story's heading. */
  private static final Pattern NEVER_STORY =
      Pattern.compile(
          "(?i)(^|[-_ ])(breadcrumbs?|combx|comments?|commentlist|disqus|gdpr|cookie\\w*|legends?"
              + "|related\\w*|remark|replies|rss|shoutbox|share\\w*|sharing|social\\w*"
              + "|newsletter|subscribe|subscription|signup|popup|modal|pager|pagination|outbrain"
              + "|taboola|recirc\\w*|recommend\\w*|most-?popular|mostread|trending|tags?|caption"
              + "|credits?|byline|author-?bio|bio|jump-?links?|read-?more|more-?stories"
              + "|ad-?slot|ad-?container|ad-?wrapper|ad-?unit|dfp|liftigniter)([-_ ]|$)");

  /**
   * Class or id words of blocks that are usually not story; kept when they hold much paragraph
   * text, since sites put such words on whole-page wrappers too ({@code has-sidebar}).
   */
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?i)(^|[-_ ])(ad|ads|advert\\w*|banner|footer|menu|sidebar|skyscraper|sponsor\\w*"
              + "|promo\\w*|masthead|topbar|navbar|nav|header|toolbar|tools|print|follow|widget\\w*"
              + "|off-?canvas)([-_ ]|$)");

  private static final Pattern MAYBE =
      Pattern.compile("(?i)article|body|content|entry|main|post|story|text|blog");
  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer"
              + "|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox"
              + "|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|subscribe|social");
  private static final Pattern BOILERPLATE_LINE =
      Pattern.compile(
          "(?i)^(advertisement|advertising|sponsored|share( this)?( article| story)?|tweet|email"
              + "|print|read more|related( articles| stories)?|sign up.*|subscribe.*|more:.*"
              + "|click here.*|follow us.*|continue reading.*|comments?|loading.*)$");

  private MainContentExtractor() {}

  /** The story paragraphs of the page, in order; empty when none were found. */
  static List<String> paragraphs(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return List.of();
    }
    clean(body);
    Elements marked = body.select("[itemprop=articleBody], [itemprop=articlebody]");
    Element best = null;
    for (Element candidate : marked) {
      if (best == null || candidate.text().length() > best.text().length()) {
        best = candidate;
      }
    }
    if (best != null && best.text().length() >= 250) {
      return blocks(List.of(best));
    }
    return blocks(densest(body));
  }

  private static void clean(Element body) {
    for (Element el : body.select("*")) {
      if (el.ownerDocument() == null) {
        continue; // already removed with an ancestor
      }
      String tag = el.normalName();
      if (ALWAYS_REMOVE.contains(tag)) {
        el.remove();
        continue;
      }
      if ("form".equals(tag) && el.select("p").size() < 3) {
        el.remove();
        continue;
      }
      if ("header".equals(tag) && el.select("p").size() < 3) {
        el.remove();
        continue;
      }
      if (el.hasAttr("hidden")
          || "true".equalsIgnoreCase(el.attr("aria-hidden"))
          || el.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")) {
        el.remove();
        continue;
      }
      if ("body".equals(tag) || "article".equals(tag) || "main".equals(tag) || "a".equals(tag)) {
        continue;
      }
      String names = el.className() + " " + el.id();
      if (names.isBlank()) {
        String role = el.attr("role");
        if ("navigation".equals(role) || "complementary".equals(role) || "banner".equals(role)) {
          el.remove();
        }
        continue;
      }
      boolean remove =
          NEVER_STORY.matcher(names).find()
              ? !holdsHeadline(el)
              : UNLIKELY.matcher(names).find() && !holdsHeadline(el) && paragraphChars(el) < 500;
      if (remove && !MAYBE.matcher(names).find()) {
        if (LOG.isDebugEnabled() && el.text().length() > 300) {
          LOG.debug("removing <{} {}> with {} chars", tag, names.strip(), el.text().length());
        }
        el.remove();
      }
    }
  }

  private static boolean holdsHeadline(Element el) {
    return !el.select("h1, article, [itemprop=articleBody], [itemprop=articlebody]").isEmpty();
  }

  private static int paragraphChars(Element el) {
    int chars = 0;
    for (Element p : el.select("p")) {
      int length = p.text().length();
      if (length >= 80) {
        chars += length;
      }
    }
    return chars;
  }

  /** The top-scoring container and its story-like siblings. */
  private static List<Element> densest(Element body) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element el : body.select("p, pre, td, blockquote, div, section, li")) {
      String tag = el.normalName();
      if (("div".equals(tag) || "section".equals(tag) || "li".equals(tag)) && hasBlockChild(el)) {
        continue;
      }
      String text = el.text();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + countCommas(text) + Math.min(text.length() / 100, 3);
      Element ancestor = el.parent();
      for (int level = 0; ancestor != null && level < 3; level++) {
        if (!scores.containsKey(ancestor)) {
          scores.put(ancestor, initialScore(ancestor));
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.put(ancestor, scores.get(ancestor) + score / divider);
        ancestor = ancestor.parent();
      }
    }
    Element top = null;
    double topScore = 0;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      double adjusted = entry.getValue() * (1 - linkDensity(entry.getKey()));
      entry.setValue(adjusted);
      if (top == null || adjusted > topScore) {
        top = entry.getKey();
        topScore = adjusted;
      }
    }
    if (top == null) {
      return List.of(body);
    }
    Element chunks = commonAncestorOfStrongCandidates(top, topScore, scores, body);
    top = chunks;
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    return storyLike(parent.children(), top, topScore, scores);
  }

  /** The blocks among {@code siblings} that score like story, or read like story paragraphs. */
  private static List<Element> storyLike(
      List<Element> siblings, Element top, double topScore, Map<Element, Double> scores) {
    List<Element> chosen = new ArrayList<>();
    double threshold = Math.max(10, topScore * 0.2);
    for (Element sibling : siblings) {
      if (sibling == top) {
        chosen.add(sibling);
        continue;
      }
      double bonus =
          top != null && !top.className().isEmpty() && top.className().equals(sibling.className())
              ? topScore * 0.2
              : 0;
      Double score = scores.get(sibling);
      if (score != null && score + bonus >= threshold) {
        chosen.add(sibling);
      } else if ("p".equals(sibling.normalName())) {
        String text = sibling.text();
        double density = linkDensity(sibling);
        if ((text.length() > 80 && density < 0.25)
            || (text.length() > 0 && density == 0 && text.matches(".*\\.( |$).*"))) {
          chosen.add(sibling);
        }
      }
    }
    return chosen;
  }

  /**
   * A story split into chunks (between ads or pull quotes) scores as several candidates of similar
   * weight; the nearest ancestor of the best one that also holds another strong one holds the whole
   * story.
   */
  private static Element commonAncestorOfStrongCandidates(
      Element top, double topScore, Map<Element, Double> scores, Element body) {
    List<Element> strong = new ArrayList<>();
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      Element candidate = entry.getKey();
      if (candidate != top
          && entry.getValue() >= CHUNK_SCORE_RATIO * topScore
          && !isAncestor(candidate, top)
          && !isAncestor(top, candidate)) {
        strong.add(candidate);
      }
    }
    if (strong.isEmpty()) {
      return top;
    }
    for (Element ancestor = top.parent();
        ancestor != null && ancestor != body;
        ancestor = ancestor.parent()) {
      for (Element candidate : strong) {
        if (isAncestor(ancestor, candidate)) {
          return ancestor;
        }
      }
    }
    return top;
  }

  private static boolean isAncestor(Element ancestor, Element el) {
    for (Element up = el.parent(); up != null; up = up.parent()) {
      if (up == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static double initialScore(Element el) {
    double score =
        switch (el.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return score + classWeight(el);
  }

  private static double classWeight(Element el) {
    double weight = 0;
    for (String name : List.of(el.className(), el.id())) {
      if (name.isEmpty()) {
        continue;
      }
      if (NEGATIVE.matcher(name).find()) {
        weight -= 25;
      }
      if (POSITIVE.matcher(name).find()) {
        weight += 25;
      }
    }
    return weight;
  }

  private static boolean hasBlockChild(Element el) {
    for (Element child : el.children()) {
      if (BLOCK_TAGS.contains(child.normalName())) {
        return true;
      }
    }
    return false;
  }

  private static int countCommas(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        count++;
      }
    }
    return count;
  }

  private static double linkDensity(Element el) {
    int length = el.text().length();
    if (length == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : el.select("a")) {
      links += a.text().length();
    }
    return Math.min(1.0, (double) links / length);
  }

  /** The text blocks under the containers, boilerplate lines and link lists dropped. */
  private static List<String> blocks(List<Element> containers) {
    List<Block> found = new ArrayList<>();
    for (Element container : containers) {
      collect(container, found);
    }
    List<String> paragraphs = new ArrayList<>();
    for (Block block : found) {
      String text = block.text.toString().replaceAll("(?U)\\s+", " ").strip();
      if (text.isEmpty() || BOILERPLATE_LINE.matcher(text).matches()) {
        continue;
      }
      if (block.linkChars > text.length() * 0.5 && text.length() < 300) {
        continue;
      }
      paragraphs.add(text);
    }
    return paragraphs;
  }

  private static void collect(Element el, List<Block> out) {
    Block current = new Block();
    for (Node child : el.childNodes()) {
      if (child instanceof TextNode text) {
        current.text.append(text.getWholeText());
      } else if (child instanceof Element element) {
        if (BLOCK_TAGS.contains(element.normalName()) || hasBlockDescendant(element)) {
          out.add(current);
          current = new Block();
          collect(element, out);
        } else if ("br".equals(element.normalName())) {
          current.text.append(' ');
        } else {
          String text = element.wholeText();
          current.text.append(text);
          if ("a".equals(element.normalName())) {
            current.linkChars += text.strip().length();
          } else {
            for (Element a : element.select("a")) {
              current.linkChars += a.wholeText().strip().length();
            }
          }
        }
      }
    }
    out.add(current);
  }

  private static boolean hasBlockDescendant(Element el) {
    for (Element child : el.children()) {
      if (BLOCK_TAGS.contains(child.normalName()) || hasBlockDescendant(child)) {
        return true;
      }
    }
    return false;
  }

  private static final class Block {
    final StringBuilder text = new StringBuilder();
    int linkChars;
  }
}
