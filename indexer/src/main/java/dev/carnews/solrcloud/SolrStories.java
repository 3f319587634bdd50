package dev.carnews.solrcloud;

import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_BAND;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.curation.Curation;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.StoryJoin;
import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;

/**
 * Keeps every article of a SolrCloud collection in its story, by the {@link StoryJoin} steps the
 * local index takes too, so {@code index --solr} and the local path give the same stories to the
 * same articles: the collection is the join's store as its searchers show it. Candidates are one
 * search over the band terms, each a constant-score clause so a hit scores the bands it shares
 * (ties by id, where the local index ties by index order); their text comes back in the same search
 * and their signatures are computed from it. Members are re-written from their stored fields.
 *
 * <p>Writes a searcher does not show yet (a batch in flight, the writes since the last soft commit)
 * stay in the join's overlay until {@link #commit} (or, in a long batch, every {@link #MAX_OVERLAY}
 * writes) opens searchers that show them. Story changes and the sends are serialized by one lock
 * (tagging happens before), so use one instance per collection and one writing process per
 * collection: two processes writing versions of one story at the same moment could each miss the
 * other's write.
 */
public final class SolrStories {

  /** Writes in the overlay after which a batch is sent and a searcher opened to show them. */
  static final int MAX_OVERLAY = 5_000;

  /** The most members of one story read for re-pointing, as the local keeper reads. */
  static final int MAX_MEMBERS = 1000;

  private static final String CANDIDATE_FIELDS =
      String.join(",", ID, TITLE, BODY, PUBLISHED, STORY);

  private final StoryJoin<SolrInputDocument> join;
  private final Supplier<Curation> curation;
  private final ReentrantLock lock = new ReentrantLock();

  /** Stories by {@code rule}, on a collection without curation. */
  public SolrStories(VersionRule rule) {
    this(rule, Curation::none);
  }

  /**
   * Stories by {@code rule}; members re-pointed to a story are written again from the tagger's
   * entities with the curation {@code curation} gives then, as the store writes every article.
   */
  public SolrStories(VersionRule rule, Supplier<Curation> curation) {
    this.join = new StoryJoin<>(Objects.requireNonNull(rule, "rule"));
    this.curation = Objects.requireNonNull(curation, "curation");
  }

  /** What the keeper needs of the collection: reads, and the writes it makes, in order. */
  interface Target {
    /** A search of the collection's current searchers. */
    SolrDocumentList search(SolrQuery query) throws IOException;

    /** Real-time get: the articles with these ids, written or not yet searchable. */
    SolrDocumentList get(Collection<String> ids, String fields) throws IOException;

    /** Sends (or queues, for a batch) documents, in order after everything sent before. */
    void send(List<SolrInputDocument> docs) throws IOException;

    /** Deletes an article at once; whether it existed. */
    boolean delete(String id) throws IOException;

    /** Sends everything queued and opens searchers that show it. */
    void flush() throws IOException;
  }

  /**
   * Writes an article's document into its story through {@code target}: the article first, then the
   * versions re-pointed.
   */
  void write(Target target, TaggedArticle article, SolrInputDocument doc) throws IOException {
    StoryText text =
        StoryText.of(
            article.article().id(),
            article.article().title(),
            article.article().body(),
            article.article().published());
    lock.lock();
    try {
      join.write(new CollectionView(target), text, doc, written -> target.send(List.of(written)));
      if (join.pending() >= MAX_OVERLAY) {
        flush(target);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Deletes an article at once; the rest of its story stays one story under its earliest member.
   */
  boolean delete(Target target, String id) throws IOException {
    lock.lock();
    try {
      return join.delete(new CollectionView(target), id, () -> target.delete(id));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends what is queued and opens searchers that show every write so far, which the overlay then
   * no longer keeps.
   */
  void commit(Target target) throws IOException {
    lock.lock();
    try {
      flush(target);
    } finally {
      lock.unlock();
    }
  }

  private void flush(Target target) throws IOException {
    long upTo = join.lastSeq();
    target.flush();
    join.covered(upTo);
  }

  /** The collection as its searchers show it (and real-time get), and its writes. */
  private final class CollectionView implements StoryJoin.Store<SolrInputDocument> {
    private final Target target;

    CollectionView(Target target) {
      this.target = target;
    }

    @Override
    public StoryJoin.Member<SolrInputDocument> member(String id) throws IOException {
      SolrDocumentList found = target.get(List.of(id), ID + "," + STORY);
      if (found.isEmpty()) {
        return null;
      }
      String story = (String) found.get(0).getFirstValue(STORY);
      return new StoryJoin.Member<>(id, null, story, null, null, true);
    }

    @Override
    public StoryJoin.Member<SolrInputDocument> first(String story) throws IOException {
      SolrDocumentList found = target.get(List.of(story), ID + "," + PUBLISHED + "," + STORY);
      if (found.isEmpty() || !story.equals(found.get(0).getFirstValue(STORY))) {
        return null;
      }
      return new StoryJoin.Member<>(story, published(found.get(0)), story, null, null, true);
    }

    @Override
    public List<StoryJoin.Member<SolrInputDocument>> members(String story) throws IOException {
      SolrQuery query = new SolrQuery(STORY + ":" + quoted(story));
      query.setRows(MAX_MEMBERS);
      query.setFields(
          String.join(",", SolrArticles.STORED)
              + ","
              + String.join(",", SolrArticles.RAW_STORED)
              + ","
              + STORY);
      List<StoryJoin.Member<SolrInputDocument>> members = new ArrayList<>();
      Curation now = curation.get();
      for (SolrDocument doc : target.search(query)) {
        TaggedArticle article = SolrArticles.taggedFromDocument(doc);
        Instant when = article.article().published();
        StoryText text =
            StoryText.of(
                article.article().id(), article.article().title(), article.article().body(), when);
        members.add(
            new StoryJoin.Member<>(
                article.article().id(),
                when,
                (String) doc.getFirstValue(STORY),
                SolrArticles.toDocument(article, now),
                text,
                true));
      }
      return members;
    }

    @Override
    public List<StoryJoin.Candidate<SolrInputDocument>> candidates(MinHashBands.Fingerprint print)
        throws IOException {
      SolrQuery query =
          new SolrQuery(
              print.bands().stream()
                  .map(band -> STORY_BAND + ":" + quoted(band) + "^=1")
                  .collect(Collectors.joining(" OR ")));
      query.set("defType", "lucene");
      query.setRows(2 * MinHashBands.MAX_CANDIDATES);
      query.setFields(CANDIDATE_FIELDS + ",score");
      query.addSort("score", SolrQuery.ORDER.desc);
      query.addSort(ID, SolrQuery.ORDER.asc);
      List<StoryJoin.Candidate<SolrInputDocument>> candidates = new ArrayList<>();
      for (SolrDocument hit : target.search(query)) {
        String id = (String) hit.getFirstValue(ID);
        StoryText text =
            StoryText.of(
                id,
                (String) hit.getFirstValue(TITLE),
                (String) hit.getFirstValue(BODY),
                published(hit));
        byte[] signature = MinHashBands.fingerprint(text).signature();
        if (MinHashBands.estimate(signature, 0, signature.length, print.signature())
            < MinHashBands.MIN_ESTIMATE) {
          continue;
        }
        StoryJoin.Member<SolrInputDocument> member =
            new StoryJoin.Member<>(
                id, text.published(), (String) hit.getFirstValue(STORY), null, text, true);
        int bands = Math.round(((Number) hit.getFirstValue("score")).floatValue());
        candidates.add(new StoryJoin.Candidate<>(id, bands, () -> member));
      }
      return candidates;
    }

    @Override
    public SolrInputDocument rewritable(StoryJoin.Member<SolrInputDocument> member) {
      // Members are read with their stored fields and rendered again at once.
      return member.doc();
    }

    @Override
    public SolrInputDocument withStory(
        SolrInputDocument doc, String story, MinHashBands.Fingerprint print) {
      return SolrArticles.withStory(doc, story, print.bands());
    }

    @Override
    public void rewrite(String id, SolrInputDocument doc) throws IOException {
      target.send(List.of(doc));
    }
  }

  private static Instant published(SolrDocument doc) {
    Object published = doc.getFirstValue(PUBLISHED);
    return published == null ? null : Instant.ofEpochMilli(((Number) published).longValue());
  }

  /** A term for the standard query parser. */
  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
