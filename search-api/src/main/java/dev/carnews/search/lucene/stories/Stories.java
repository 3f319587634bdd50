package dev.carnews.search.lucene.stories;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.search.StoryDetail;
import dev.carnews.search.StoryRef;
import dev.carnews.search.StoryVersion;
import dev.carnews.search.VersionChanges;
import dev.carnews.search.lucene.hits.HitReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Stories for editors: the versions of a story oldest first with what changed between them, and the
 * story an article belongs to. A story has at most {@link #MAX_VERSIONS} versions listed.
 */
public final class Stories {

  /** The most versions one story lists. */
  static final int MAX_VERSIONS = 200;

  /** A blank line, or a line break followed by an indent, starts a paragraph. */
  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n|\\n(?=[ \\t]{2,})");

  private static final Pattern SPACE = Pattern.compile("\\s+");

  private static final Set<String> FIELDS = Set.of(ID, URL, TITLE, AUTHOR, BODY, PUBLISHED, STORY);

  private Stories() {}

  /** The story of an article: its id and number of versions (an article without one: itself). */
  static StoryRef of(IndexSearcher searcher, String articleId, String story) throws IOException {
    if (story == null) {
      return new StoryRef(articleId, 1);
    }
    return new StoryRef(story, Math.max(1, searcher.count(new TermQuery(new Term(STORY, story)))));
  }

  /** The story with this id, if there is one. */
  public static Optional<StoryDetail> find(IndexSearcher searcher, String id) throws IOException {
    List<Document> docs = versions(searcher, id);
    if (docs.isEmpty()) {
      int doc = ArticleDetails.docOf(searcher, id);
      if (doc < 0) {
        return Optional.empty();
      }
      Document only = searcher.storedFields().document(doc, FIELDS);
      if (only.get(STORY) != null) {
        // An article of another story: its story is found under that story's id.
        return Optional.empty();
      }
      docs = List.of(only);
    }
    List<StoryVersion> versions = new ArrayList<>(docs.size());
    Document previous = null;
    for (Document doc : docs) {
      versions.add(version(doc, previous == null ? null : changes(previous, doc)));
      previous = doc;
    }
    return Optional.of(new StoryDetail(id, versions));
  }

  /** The other versions of an article's story, oldest first, without what changed. */
  public static List<StoryVersion> otherVersions(
      IndexSearcher searcher, String story, String articleId) throws IOException {
    if (story == null) {
      return List.of();
    }
    return versions(searcher, story).stream()
        .filter(doc -> !articleId.equals(doc.get(ID)))
        .map(doc -> version(doc, null))
        .toList();
  }

  /** The stored versions of a story, oldest first (unknown dates last), then by id. */
  private static List<Document> versions(IndexSearcher searcher, String story) throws IOException {
    List<Document> docs = new ArrayList<>();
    for (ScoreDoc hit :
        searcher.search(new TermQuery(new Term(STORY, story)), MAX_VERSIONS).scoreDocs) {
      docs.add(searcher.storedFields().document(hit.doc, FIELDS));
    }
    docs.sort(
        Comparator.comparing(
                (Document doc) -> HitReader.published(doc),
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(doc -> doc.get(ID)));
    return docs;
  }

  private static StoryVersion version(Document doc, VersionChanges changes) {
    return new StoryVersion(
        doc.get(ID),
        doc.get(URL),
        doc.get(TITLE),
        doc.get(AUTHOR),
        HitReader.published(doc),
        changes);
  }

  /** What changed from one version to the next: headline, paragraphs added and removed. */
  static VersionChanges changes(Document before, Document after) {
    String oldTitle = Objects.requireNonNullElse(before.get(TITLE), "");
    String newTitle = Objects.requireNonNullElse(after.get(TITLE), "");
    boolean titleChanged = !normalize(oldTitle).equals(normalize(newTitle));
    Set<String> oldParagraphs = paragraphs(before.get(BODY));
    Set<String> newParagraphs = paragraphs(after.get(BODY));
    List<String> added = newParagraphs.stream().filter(p -> !oldParagraphs.contains(p)).toList();
    List<String> removed = oldParagraphs.stream().filter(p -> !newParagraphs.contains(p)).toList();
    return new VersionChanges(titleChanged, titleChanged ? oldTitle : null, added, removed);
  }

  /** The paragraphs of a body, white space normalized, in order. */
  static Set<String> paragraphs(String body) {
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
    return SPACE.matcher(text).replaceAll(" ").strip();
  }
}
