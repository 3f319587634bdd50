package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_BAND;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;

/**
 * Keeps every article in its story while articles are written, updated and deleted. A write
 * fingerprints the text ({@link StoryText}, {@link MinHashBands}), finds candidate versions with
 * one query over the band terms (plus the writes the reader does not show yet), confirms them with
 * the {@link VersionRule}, and joins their stories: {@code story} is the id of the earliest member,
 * and members that pointed elsewhere are re-pointed. Updating an article out of its story, or
 * deleting a story's first article, re-points the remaining versions to the earliest of them, so
 * none is orphaned.
 *
 * <p>Story changes are serialized by one lock (tagging, the expensive part of a write, happens
 * before); {@link StoryOverlay} covers the writes since the last refresh.
 */
final class StoryKeeper implements ReferenceManager.RefreshListener {

  /** Candidates confirmed per write, those sharing the most band terms first. */
  static final int MAX_CANDIDATES = 10;

  private static final Set<String> TEXT_FIELDS = Set.of(ID, TITLE, BODY, PUBLISHED, STORY);

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FieldType textType;
  private final VersionRule rule;
  private final ReentrantLock lock = new ReentrantLock();
  private final StoryOverlay overlay = new StoryOverlay();
  private long seq;
  private volatile long lastPut;
  private volatile long snapshot;
  private volatile long covered;

  StoryKeeper(IndexWriter writer, SearcherManager searchers, FieldType textType, VersionRule rule) {
    this.writer = writer;
    this.searchers = searchers;
    this.textType = textType;
    this.rule = rule;
  }

  /**
   * One article version as the keeper sees it.
   *
   * @param doc the stored document when {@code inIndex}, else the document written
   */
  private record Member(
      String id, Instant published, String story, Document doc, StoryText text, boolean inIndex) {}

  /** Orders a story's members: earliest published first (unknown dates last), then by id. */
  static final Comparator<Member> FIRST =
      Comparator.comparing(
              Member::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Member::id);

  /** Writes the article's document into its story. */
  void write(String id, Instant published, Document doc, Write change) throws IOException {
    StoryText text = StoryText.of(id, fieldText(doc, TITLE), fieldText(doc, BODY), published);
    List<String> bands = MinHashBands.bands(text);
    lock.lock();
    IndexSearcher searcher = null;
    try {
      searcher = view();
      Member old = member(searcher, id);
      Map<String, Member> members = new LinkedHashMap<>();
      for (Member candidate : candidates(searcher, id, bands)) {
        if (rule.judge(text, candidate.text()).version()) {
          for (Member m : members(searcher, candidate.story())) {
            members.put(m.id(), m);
          }
        }
      }
      members.remove(id);
      Member self = new Member(id, published, null, doc, text, false);
      String root =
          Stream.concat(members.values().stream(), Stream.of(self)).min(FIRST).orElseThrow().id();
      Document written = ArticleDocuments.withStory(doc, root, bands);
      change.apply(written);
      put(id, written, text, root, bands);
      for (Member m : members.values()) {
        repoint(m, root);
      }
      if (old != null && id.equals(old.story())) {
        // The article was its story's first: versions it no longer matches stay one story.
        Set<String> moved = new HashSet<>(members.keySet());
        moved.add(id);
        reroot(searcher, id, moved);
      }
    } finally {
      if (searcher != null) {
        searchers.release(searcher);
      }
      lock.unlock();
    }
  }

  /** Deletes an article; the rest of its story stays one story under its earliest member. */
  boolean delete(String id, Delete change) throws IOException {
    lock.lock();
    IndexSearcher searcher = null;
    try {
      searcher = view();
      Member old = member(searcher, id);
      boolean existed = change.apply();
      put(id, null, null, null, List.of());
      if (old != null && id.equals(old.story())) {
        reroot(searcher, id, Set.of(id));
      }
      return existed;
    } finally {
      if (searcher != null) {
        searchers.release(searcher);
      }
      lock.unlock();
    }
  }

  /** One write of the main document (an update by id, tracked by the index). */
  @FunctionalInterface
  interface Write {
    void apply(Document doc) throws IOException;
  }

  /** One delete by id; returns whether the article existed. */
  @FunctionalInterface
  interface Delete {
    boolean apply() throws IOException;
  }

  /** Re-points the members of {@code story} not in {@code gone} to the earliest of them. */
  private void reroot(IndexSearcher searcher, String story, Set<String> gone) throws IOException {
    List<Member> rest = new ArrayList<>(members(searcher, story));
    rest.removeIf(m -> gone.contains(m.id()));
    if (rest.isEmpty()) {
      return;
    }
    String root = rest.stream().min(FIRST).orElseThrow().id();
    for (Member m : rest) {
      repoint(m, root);
    }
  }

  private void repoint(Member member, String root) throws IOException {
    if (root.equals(member.story())) {
      return;
    }
    List<String> bands = MinHashBands.bands(member.text());
    Document source =
        member.inIndex()
            ? ArticleDocuments.toDocument(ArticleDocuments.fromStored(member.doc()), textType)
            : member.doc();
    Document written = ArticleDocuments.withStory(source, root, bands);
    writer.updateDocument(new Term(ID, member.id()), written);
    put(member.id(), written, member.text(), root, bands);
  }

  private void put(String id, Document doc, StoryText text, String story, List<String> bands) {
    overlay.put(new StoryOverlay.Entry(id, ++seq, doc, text, story, bands));
    lastPut = seq;
  }

  /** The current searcher, with the overlay trimmed to what it does not show. */
  private IndexSearcher view() throws IOException {
    long coveredNow = covered;
    IndexSearcher searcher = searchers.acquire();
    overlay.dropCovered(coveredNow);
    return searcher;
  }

  private Member member(IndexSearcher searcher, String id) throws IOException {
    StoryOverlay.Entry entry = overlay.get(id);
    if (entry != null) {
      return entry.deleted() ? null : fromOverlay(entry);
    }
    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
    return hits.length == 0 ? null : stored(searcher, hits[0].doc, TEXT_FIELDS);
  }

  /** The live members of a story: the reader's, minus and plus the overlay's. */
  private List<Member> members(IndexSearcher searcher, String story) throws IOException {
    List<Member> members = new ArrayList<>();
    if (story == null) {
      return members;
    }
    for (ScoreDoc hit : searcher.search(new TermQuery(new Term(STORY, story)), 1000).scoreDocs) {
      Member m = stored(searcher, hit.doc, null);
      if (!overlay.contains(m.id())) {
        members.add(m);
      }
    }
    for (StoryOverlay.Entry entry : overlay.members(story)) {
      members.add(fromOverlay(entry));
    }
    return members;
  }

  /** The articles sharing the most band terms with a text, best first, without itself. */
  private List<Member> candidates(IndexSearcher searcher, String id, List<String> bands)
      throws IOException {
    if (bands.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Member> found = new LinkedHashMap<>();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String band : bands) {
      query.add(
          new ConstantScoreQuery(new TermQuery(new Term(STORY_BAND, band))),
          BooleanClause.Occur.SHOULD);
    }
    for (ScoreDoc hit : searcher.search(query.build(), MAX_CANDIDATES + 1).scoreDocs) {
      String hitId = searcher.storedFields().document(hit.doc, Set.of(ID)).get(ID);
      if (!hitId.equals(id) && !overlay.contains(hitId)) {
        counts.put(hitId, Math.round(hit.score));
        found.put(hitId, stored(searcher, hit.doc, TEXT_FIELDS));
      }
    }
    overlay
        .bandMatches(bands)
        .forEach(
            (other, count) -> {
              if (!other.equals(id)) {
                counts.put(other, count);
                found.put(other, fromOverlay(overlay.get(other)));
              }
            });
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_CANDIDATES)
        .map(e -> found.get(e.getKey()))
        .toList();
  }

  /** A member read from the index: {@code fields} of it, or all when {@code null}. */
  private static Member stored(IndexSearcher searcher, int doc, Set<String> fields)
      throws IOException {
    Document stored =
        fields == null
            ? searcher.storedFields().document(doc)
            : searcher.storedFields().document(doc, fields);
    String id = stored.get(ID);
    IndexableField published = stored.getField(PUBLISHED);
    Instant when =
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
    StoryText text = StoryText.of(id, stored.get(TITLE), stored.get(BODY), when);
    return new Member(id, when, stored.get(STORY), stored, text, true);
  }

  private static Member fromOverlay(StoryOverlay.Entry entry) {
    return new Member(
        entry.id(), entry.text().published(), entry.story(), entry.doc(), entry.text(), false);
  }

  private static String fieldText(Document doc, String field) {
    String value = doc.get(field);
    return value == null ? "" : value;
  }

  @Override
  public void beforeRefresh() {
    snapshot = lastPut;
  }

  @Override
  public void afterRefresh(boolean didRefresh) {
    if (didRefresh) {
      covered = Math.max(covered, snapshot);
    }
  }
}
