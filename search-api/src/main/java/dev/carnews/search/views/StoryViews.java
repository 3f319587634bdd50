package dev.carnews.search.views;

import dev.carnews.search.StoryVersion;
import dev.carnews.search.VersionChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A story's versions as every backend shows them: in one order (oldest first, unknown dates last,
 * then by id), each with what changed from the one before. Both backends list a story's stored
 * versions through here, so {@code /api/stories/{id}} answers alike.
 */
public final class StoryViews {

  /** The most versions one story lists. */
  public static final int MAX_VERSIONS = 200;

  /** A blank line, or a line break followed by an indent, starts a paragraph. */
  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n|\\n(?=[ \\t]{2,})");

  private StoryViews() {}

  /**
   * One stored version as a backend read it.
   *
   * @param id the article id
   * @param url the link, or {@code null}
   * @param title the headline, or {@code null}
   * @param author the first author, or {@code null}
   * @param published the publication time, or {@code null}
   * @param body the text, or {@code null}
   */
  public record Stored(
      String id, String url, String title, String author, Instant published, String body) {

    /** Validates. */
    public Stored {
      Objects.requireNonNull(id, "id");
    }

    /** The version as listed, without what changed. */
    public StoryVersion listed() {
      return new StoryVersion(id, url, title, author, published, null);
    }
  }

  /** The order of a story's versions: oldest first (unknown dates last), then by id. */
  public static final Comparator<Stored> OLDEST_FIRST =
      Comparator.comparing(
              Stored::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Stored::id);

  /** The versions in story order, each but the first with what changed from the one before. */
  public static List<StoryVersion> versions(List<Stored> stored) {
    List<Stored> ordered = new ArrayList<>(stored);
    ordered.sort(OLDEST_FIRST);
    List<StoryVersion> versions = new ArrayList<>(ordered.size());
    Stored previous = null;
    for (Stored doc : ordered) {
      versions.add(
          new StoryVersion(
              doc.id(),
              doc.url(),
              doc.title(),
              doc.author(),
              doc.published(),
              previous == null ? null : changes(previous, doc)));
      previous = doc;
    }
    return versions;
  }

  /** The versions other than {@code articleId}, in story order, without what changed. */
  public static List<StoryVersion> others(List<Stored> stored, String articleId) {
    return stored.stream()
        .filter(doc -> !articleId.equals(doc.id()))
        .sorted(OLDEST_FIRST)
        .map(Stored::listed)
        .toList();
  }

  /** What changed from one version to the next: headline, paragraphs added and removed. */
  public static VersionChanges changes(Stored before, Stored after) {
    String oldTitle = Objects.requireNonNullElse(before.title(), "");
    String newTitle = Objects.requireNonNullElse(after.title(), "");
    boolean titleChanged = !normalize(oldTitle).equals(normalize(newTitle));
    Set<String> oldParagraphs = paragraphs(before.body());
    Set<String> newParagraphs = paragraphs(after.body());
    List<String> added = newParagraphs.stream().filter(p -> !oldParagraphs.contains(p)).toList();
    List<String> removed = oldParagraphs.stream().filter(p -> !newParagraphs.contains(p)).toList();
    return new VersionChanges(titleChanged, titleChanged ? oldTitle : null, added, removed);
  }

  /** The paragraphs of a body, white space normalized, in order. */
  public static Set<String> paragraphs(String body) {
    Set<String> result = new LinkedHashSet<>();
    for (String paragraph : PARAGRAPH.split(Objects.requireNonNullElse(body, ""))) {
      String text = normalize(paragraph);
      if (!text.isEmpty()) {
        result.add(text);
      }
    }
    return result;
  }

  private static String normalize(String text) {
    return ArticleViews.collapsed(text);
  }
}
