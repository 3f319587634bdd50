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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
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
  static final int MAX_CANDIDATES = MinHashBands.MAX_CANDIDATES;

  /** The lowest signature estimate of a candidate worth reading. */
  static final double MIN_ESTIMATE = MinHashBands.MIN_ESTIMATE;

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FieldType textType;
  private final VersionRule rule;
  private final ReentrantLock lock = new ReentrantLock();
  private final StoryOverlay<Document> overlay = new StoryOverlay<>();
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

  /** Writes the article's document into its story. */
  void write(String id, Instant published, Document doc, Write change) throws IOException {
    StoryText text = StoryText.of(id, fieldText(doc, TITLE), fieldText(doc, BODY), published);
    MinHashBands.Fingerprint print = MinHashBands.fingerprint(text);
    lock.lock();
    IndexSearcher searcher = null;
    try {
      searcher = view();
      StoryMember old = member(searcher, id);
      Set<String> joined = new LinkedHashSet<>();
      for (StoryMember candidate : candidates(searcher, id, print)) {
        if (rule.judge(text, candidate.text()).version()) {
          joined.add(candidate.story());
        }
      }
      StoryMember self = new StoryMember(id, published, null, doc, text, false);
      Map<String, StoryMember> members = new LinkedHashMap<>();
      StoryMember first = joined.size() == 1 ? first(searcher, joined.iterator().next()) : null;
      if (first == null || StoryMember.FIRST.compare(self, first) < 0) {
        // Stories merge, or this article comes first: every member may need re-pointing.
        for (String story : joined) {
          for (StoryMember m : members(searcher, story)) {
            members.put(m.id(), m);
          }
        }
      }
      // Joining one story it does not precede, the article takes that story's first as its root.
      String root =
          Stream.concat(
                  Stream.concat(members.values().stream(), Stream.ofNullable(first)),
                  Stream.of(self))
              .min(StoryMember.FIRST)
              .orElseThrow()
              .id();
      Document written = ArticleDocuments.withStory(doc, root, print);
      change.apply(written);
      put(id, written, text, root, print.bands());
      for (StoryMember m : members.values()) {
        repoint(m, root);
      }
      if (old != null && id.equals(old.story()) && !(root.equals(id) && joined.contains(id))) {
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
      StoryMember old = member(searcher, id);
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
    List<StoryMember> rest = new ArrayList<>(members(searcher, story));
    rest.removeIf(m -> gone.contains(m.id()));
    if (rest.isEmpty()) {
      return;
    }
    String root = rest.stream().min(StoryMember.FIRST).orElseThrow().id();
    for (StoryMember m : rest) {
      repoint(m, root);
    }
  }

  private void repoint(StoryMember member, String root) throws IOException {
    if (root.equals(member.story())) {
      return;
    }
    MinHashBands.Fingerprint print = MinHashBands.fingerprint(member.text());
    Document source =
        member.inIndex()
            ? ArticleDocuments.toDocument(ArticleDocuments.fromStored(member.doc()), textType)
            : member.doc();
    Document written = ArticleDocuments.withStory(source, root, print);
    writer.updateDocument(new Term(ID, member.id()), written);
    put(member.id(), written, member.text(), root, print.bands());
  }

  private void put(String id, Document doc, StoryText text, String story, List<String> bands) {
    overlay.put(new StoryOverlay.Entry<>(id, ++seq, doc, text, story, bands));
    lastPut = seq;
  }

  /** The current searcher, with the overlay trimmed to what it does not show. */
  private IndexSearcher view() throws IOException {
    long coveredNow = covered;
    IndexSearcher searcher = searchers.acquire();
    overlay.dropCovered(coveredNow);
    return searcher;
  }

  private StoryMember member(IndexSearcher searcher, String id) throws IOException {
    StoryOverlay.Entry<Document> entry = overlay.get(id);
    if (entry != null) {
      return entry.deleted() ? null : StoryMember.fromOverlay(entry);
    }
    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
    if (hits.length == 0) {
      return null;
    }
    // Only its story is needed: no text read.
    Document stored = searcher.storedFields().document(hits[0].doc, Set.of(ID, STORY));
    return new StoryMember(id, null, stored.get(STORY), stored, null, true);
  }

  /** A story's first article (its id is the story's), with its date; {@code null} if gone. */
  private StoryMember first(IndexSearcher searcher, String story) throws IOException {
    StoryOverlay.Entry<Document> entry = overlay.get(story);
    if (entry != null) {
      return entry.deleted() || !story.equals(entry.story())
          ? null
          : StoryMember.fromOverlay(entry);
    }
    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, story)), 1).scoreDocs;
    if (hits.length == 0) {
      return null;
    }
    Document stored = searcher.storedFields().document(hits[0].doc, Set.of(ID, PUBLISHED, STORY));
    IndexableField published = stored.getField(PUBLISHED);
    Instant when =
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
    return story.equals(stored.get(STORY))
        ? new StoryMember(story, when, story, stored, null, true)
        : null;
  }

  /** The live members of a story: the reader's, minus and plus the overlay's. */
  private List<StoryMember> members(IndexSearcher searcher, String story) throws IOException {
    List<StoryMember> members = new ArrayList<>();
    if (story == null) {
      return members;
    }
    for (ScoreDoc hit : searcher.search(new TermQuery(new Term(STORY, story)), 1000).scoreDocs) {
      StoryMember m = StoryMember.stored(searcher, hit.doc, null);
      if (!overlay.contains(m.id())) {
        members.add(m);
      }
    }
    for (StoryOverlay.Entry<Document> entry : overlay.members(story)) {
      members.add(StoryMember.fromOverlay(entry));
    }
    return members;
  }

  /**
   * The articles sharing the most band terms with a text, best first, without itself. Hits from the
   * index whose signatures estimate a similarity under {@link #MIN_ESTIMATE} are skipped before
   * their stored text is read.
   */
  private List<StoryMember> candidates(
      IndexSearcher searcher, String id, MinHashBands.Fingerprint print) throws IOException {
    if (print.bands().isEmpty()) {
      return List.of();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, StoryMember> found = new LinkedHashMap<>();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String band : print.bands()) {
      query.add(
          new ConstantScoreQuery(new TermQuery(new Term(STORY_BAND, band))),
          BooleanClause.Occur.SHOULD);
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc hit : searcher.search(query.build(), 2 * MAX_CANDIDATES).scoreDocs) {
      if (counts.size() == MAX_CANDIDATES) {
        break;
      }
      if (StoryMember.estimate(leaves, hit.doc, print.signature()) < MIN_ESTIMATE) {
        continue;
      }
      StoryMember member = StoryMember.stored(searcher, hit.doc, StoryMember.TEXT_FIELDS);
      if (!member.id().equals(id) && !overlay.contains(member.id())) {
        counts.put(member.id(), Math.round(hit.score));
        found.put(member.id(), member);
      }
    }
    overlay
        .bandMatches(print.bands())
        .forEach(
            (other, count) -> {
              if (!other.equals(id)) {
                counts.put(other, count);
                found.put(other, StoryMember.fromOverlay(overlay.get(other)));
              }
            });
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_CANDIDATES)
        .map(e -> found.get(e.getKey()))
        .toList();
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
