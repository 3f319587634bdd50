package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_BAND;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.document.Document;
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
 * Keeps every article of the local index in its story while articles are written, updated and
 * deleted, by the {@link StoryJoin} steps every store shares: the index is the join's store as the
 * current searcher shows it (candidates by one query over the band terms, skipped by their
 * signature doc values before their stored text is read), and the join's overlay covers the writes
 * since the last refresh.
 *
 * <p>Story changes are serialized by one lock (tagging, the expensive part of a write, happens
 * before).
 */
final class StoryKeeper implements ReferenceManager.RefreshListener {

  /** Candidates confirmed per write, those sharing the most band terms first. */
  static final int MAX_CANDIDATES = MinHashBands.MAX_CANDIDATES;

  /** The lowest signature estimate of a candidate worth reading. */
  static final double MIN_ESTIMATE = MinHashBands.MIN_ESTIMATE;

  /** The most members of one story read for re-pointing. */
  static final int MAX_MEMBERS = 1000;

  private final IndexWriter writer;
  private final SearcherManager searchers;

  /** Renders an article as the tagger tagged it into its document, with the current curation. */
  private final Function<TaggedArticle, Document> documents;

  private final StoryJoin<Document> join;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile long lastPut;
  private volatile long snapshot;
  private volatile long covered;

  StoryKeeper(
      IndexWriter writer,
      SearcherManager searchers,
      Function<TaggedArticle, Document> documents,
      VersionRule rule) {
    this.writer = writer;
    this.searchers = searchers;
    this.documents = documents;
    this.join = new StoryJoin<>(rule);
  }

  /** Writes the article's document into its story. */
  void write(String id, Instant published, Document doc, Write change) throws IOException {
    StoryText text = StoryText.of(id, fieldText(doc, TITLE), fieldText(doc, BODY), published);
    lock.lock();
    IndexSearcher searcher = null;
    try {
      searcher = view();
      join.write(new Index(searcher), text, doc, change::apply);
      lastPut = join.lastSeq();
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
      boolean existed = join.delete(new Index(searcher), id, change::apply);
      lastPut = join.lastSeq();
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

  /** The current searcher, with the overlay trimmed to what it does not show. */
  private IndexSearcher view() throws IOException {
    long coveredNow = covered;
    IndexSearcher searcher = searchers.acquire();
    join.covered(coveredNow);
    return searcher;
  }

  /** The index as one searcher shows it, and its writer. */
  private final class Index implements StoryJoin.Store<Document> {
    private final IndexSearcher searcher;

    Index(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    @Override
    public StoryJoin.Member<Document> member(String id) throws IOException {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
      if (hits.length == 0) {
        return null;
      }
      // Only its story is needed: no text read.
      Document stored = searcher.storedFields().document(hits[0].doc, Set.of(ID, STORY));
      return new StoryJoin.Member<>(id, null, stored.get(STORY), stored, null, true);
    }

    @Override
    public StoryJoin.Member<Document> first(String story) throws IOException {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, story)), 1).scoreDocs;
      if (hits.length == 0) {
        return null;
      }
      Document stored = searcher.storedFields().document(hits[0].doc, Set.of(ID, PUBLISHED, STORY));
      IndexableField published = stored.getField(PUBLISHED);
      Instant when =
          published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
      return story.equals(stored.get(STORY))
          ? new StoryJoin.Member<>(story, when, story, stored, null, true)
          : null;
    }

    @Override
    public List<StoryJoin.Member<Document>> members(String story) throws IOException {
      List<StoryJoin.Member<Document>> members = new ArrayList<>();
      for (ScoreDoc hit :
          searcher.search(new TermQuery(new Term(STORY, story)), MAX_MEMBERS).scoreDocs) {
        members.add(StoryMember.stored(searcher, hit.doc, null));
      }
      return members;
    }

    @Override
    public List<StoryJoin.Candidate<Document>> candidates(MinHashBands.Fingerprint print)
        throws IOException {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      for (String band : print.bands()) {
        query.add(
            new ConstantScoreQuery(new TermQuery(new Term(STORY_BAND, band))),
            BooleanClause.Occur.SHOULD);
      }
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<StoryJoin.Candidate<Document>> candidates = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), 2 * MAX_CANDIDATES).scoreDocs) {
        // The signature doc values skip dissimilar hits before their stored text is read.
        if (StoryMember.estimate(leaves, hit.doc, print.signature()) < MIN_ESTIMATE) {
          continue;
        }
        StoryJoin.Member<Document> member =
            StoryMember.stored(searcher, hit.doc, StoryMember.TEXT_FIELDS);
        candidates.add(new StoryJoin.Candidate<>(member.id(), Math.round(hit.score), () -> member));
      }
      return candidates;
    }

    @Override
    public Document rewritable(StoryJoin.Member<Document> member) {
      return documents.apply(ArticleDocuments.fromStored(member.doc()));
    }

    @Override
    public Document withStory(Document doc, String story, MinHashBands.Fingerprint print) {
      return ArticleDocuments.withStory(doc, story, print);
    }

    @Override
    public void rewrite(String id, Document doc) throws IOException {
      writer.updateDocument(new Term(ID, id), doc);
    }
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
