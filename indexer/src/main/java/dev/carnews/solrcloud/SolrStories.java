package dev.carnews.solrcloud;

import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_BAND;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.StoryOverlay;
import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;

/**
 * Keeps every article of a SolrCloud collection in its story, as {@code StoryKeeper} does for the
 * local index and by the same steps: a write fingerprints the text, finds candidate versions with
 * one query over the band terms (the {@link MinHashBands#MAX_CANDIDATES} sharing the most, those
 * whose signature estimate is under {@link MinHashBands#MIN_ESTIMATE} skipped), confirms them with
 * the {@link VersionRule}, and joins their stories under the earliest member, re-writing the
 * members that pointed elsewhere; a write or delete that takes away a story's first article
 * re-points the rest to the earliest of them. So {@code index --solr} and the local path give the
 * same stories to the same articles (candidates tied on shared bands at the cut of ten are taken by
 * id here, by index order there).
 *
 * <p>A search sees only what a searcher opened after the write shows: the writes since the last
 * {@link #commit} are kept in a {@link StoryOverlay} and looked up there first. Story changes are
 * serialized by one lock (tagging happens before), which also orders the sends; so use one instance
 * per collection and one writing service per collection: two processes writing versions of one
 * story at the same moment could each miss the other's write.
 */
public final class SolrStories {

  /** Writes in the overlay after which a batch is sent and a searcher opened to show them. */
  static final int MAX_OVERLAY = 5_000;

  /** The most members of one story read for re-pointing, as the local keeper reads. */
  static final int MAX_MEMBERS = 1000;

  private static final String CANDIDATE_FIELDS =
      String.join(",", ID, TITLE, BODY, PUBLISHED, STORY);

  /** Orders a story's members: earliest published first (unknown dates last), then by id. */
  private static final Comparator<Member> FIRST =
      Comparator.comparing(
              Member::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Member::id);

  private final VersionRule rule;
  private final ReentrantLock lock = new ReentrantLock();
  private final StoryOverlay<SolrInputDocument> overlay = new StoryOverlay<>();
  private long seq;

  /** Stories by {@code rule}. */
  public SolrStories(VersionRule rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
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
   * One version as the keeper sees it.
   *
   * @param id the article id
   * @param published the publication time, or {@code null} when unknown or not read
   * @param story its story, or {@code null}
   * @param doc the document to re-write it from, or {@code null} when only its story was read
   * @param text its comparable text, or {@code null} when only its story was read
   */
  private record Member(
      String id, Instant published, String story, SolrInputDocument doc, StoryText text) {

    static Member fromOverlay(StoryOverlay.Entry<SolrInputDocument> entry) {
      return new Member(
          entry.id(), entry.text().published(), entry.story(), entry.doc(), entry.text());
    }

    /** A member read with its stored fields: rendered again from them to be re-written. */
    static Member stored(SolrDocument stored) {
      TaggedArticle article = SolrArticles.fromDocument(stored);
      Instant when = article.article().published();
      StoryText text =
          StoryText.of(
              article.article().id(), article.article().title(), article.article().body(), when);
      return new Member(
          article.article().id(),
          when,
          (String) stored.getFirstValue(STORY),
          SolrArticles.toDocument(article),
          text);
    }
  }

  /**
   * Writes an article's document into its story through {@code target}: the article first, then the
   * versions re-pointed.
   */
  void write(Target target, TaggedArticle article, SolrInputDocument doc) throws IOException {
    String id = article.article().id();
    Instant published = article.article().published();
    StoryText text =
        StoryText.of(id, article.article().title(), article.article().body(), published);
    MinHashBands.Fingerprint print = MinHashBands.fingerprint(text);
    lock.lock();
    try {
      Member old = member(target, id);
      Set<String> joined = new LinkedHashSet<>();
      for (Member candidate : candidates(target, id, print)) {
        if (rule.judge(text, candidate.text()).version()) {
          joined.add(candidate.story());
        }
      }
      Member self = new Member(id, published, null, doc, text);
      Map<String, Member> members = new LinkedHashMap<>();
      Member first = joined.size() == 1 ? first(target, joined.iterator().next()) : null;
      if (first == null || FIRST.compare(self, first) < 0) {
        // Stories merge, or this article comes first: every member may need re-pointing.
        for (String story : joined) {
          for (Member m : members(target, story)) {
            members.put(m.id(), m);
          }
        }
      }
      String root =
          Stream.concat(
                  Stream.concat(members.values().stream(), Stream.ofNullable(first)),
                  Stream.of(self))
              .min(FIRST)
              .orElseThrow()
              .id();
      SolrInputDocument written = SolrArticles.withStory(doc, root, print.bands());
      target.send(List.of(written));
      put(id, written, text, root, print.bands());
      for (Member m : members.values()) {
        repoint(target, m, root);
      }
      if (old != null && id.equals(old.story()) && !(root.equals(id) && joined.contains(id))) {
        // The article was its story's first: versions it no longer matches stay one story.
        Set<String> moved = new HashSet<>(members.keySet());
        moved.add(id);
        reroot(target, id, moved);
      }
      if (overlay.size() >= MAX_OVERLAY) {
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
      Member old = member(target, id);
      boolean existed = target.delete(id);
      put(id, null, null, null, List.of());
      if (old != null && id.equals(old.story())) {
        reroot(target, id, Set.of(id));
      }
      return existed;
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
    long upTo = seq;
    target.flush();
    overlay.dropCovered(upTo);
  }

  /** Re-points the members of {@code story} not in {@code gone} to the earliest of them. */
  private void reroot(Target target, String story, Set<String> gone) throws IOException {
    List<Member> rest = new ArrayList<>(members(target, story));
    rest.removeIf(m -> gone.contains(m.id()));
    if (rest.isEmpty()) {
      return;
    }
    String root = rest.stream().min(FIRST).orElseThrow().id();
    for (Member m : rest) {
      repoint(target, m, root);
    }
  }

  private void repoint(Target target, Member member, String root) throws IOException {
    if (root.equals(member.story())) {
      return;
    }
    List<String> bands = MinHashBands.fingerprint(member.text()).bands();
    SolrInputDocument written = SolrArticles.withStory(member.doc(), root, bands);
    target.send(List.of(written));
    put(member.id(), written, member.text(), root, bands);
  }

  private void put(
      String id, SolrInputDocument doc, StoryText text, String story, List<String> bands) {
    overlay.put(new StoryOverlay.Entry<>(id, ++seq, doc, text, story, bands));
  }

  /** An article's story (nothing else read), or {@code null} when it is not in the collection. */
  private Member member(Target target, String id) throws IOException {
    StoryOverlay.Entry<SolrInputDocument> entry = overlay.get(id);
    if (entry != null) {
      return entry.deleted() ? null : Member.fromOverlay(entry);
    }
    SolrDocumentList found = target.get(List.of(id), ID + "," + STORY);
    if (found.isEmpty()) {
      return null;
    }
    return new Member(id, null, (String) found.get(0).getFirstValue(STORY), null, null);
  }

  /** A story's first article (its id is the story's), with its date; {@code null} if gone. */
  private Member first(Target target, String story) throws IOException {
    StoryOverlay.Entry<SolrInputDocument> entry = overlay.get(story);
    if (entry != null) {
      return entry.deleted() || !story.equals(entry.story()) ? null : Member.fromOverlay(entry);
    }
    SolrDocumentList found = target.get(List.of(story), ID + "," + PUBLISHED + "," + STORY);
    if (found.isEmpty() || !story.equals(found.get(0).getFirstValue(STORY))) {
      return null;
    }
    Object published = found.get(0).getFirstValue(PUBLISHED);
    Instant when =
        published == null ? null : Instant.ofEpochMilli(((Number) published).longValue());
    return new Member(story, when, story, null, null);
  }

  /** The live members of a story: the searchers', minus and plus the overlay's. */
  private List<Member> members(Target target, String story) throws IOException {
    List<Member> members = new ArrayList<>();
    if (story == null) {
      return members;
    }
    SolrQuery query = new SolrQuery(STORY + ":" + quoted(story));
    query.setRows(MAX_MEMBERS);
    query.setFields(String.join(",", SolrArticles.STORED) + "," + STORY);
    for (SolrDocument doc : target.search(query)) {
      if (!overlay.contains((String) doc.getFirstValue(ID))) {
        members.add(Member.stored(doc));
      }
    }
    for (StoryOverlay.Entry<SolrInputDocument> entry : overlay.members(story)) {
      members.add(Member.fromOverlay(entry));
    }
    return members;
  }

  /**
   * The articles sharing the most band terms with a text, best first, without itself: one search
   * that scores each hit by the bands it shares (constant-score clauses), ties by id; hits whose
   * signature (computed from the text read) estimates a similarity under {@link
   * MinHashBands#MIN_ESTIMATE} are skipped, as the local keeper skips them.
   */
  private List<Member> candidates(Target target, String id, MinHashBands.Fingerprint print)
      throws IOException {
    if (print.bands().isEmpty()) {
      return List.of();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Member> found = new LinkedHashMap<>();
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
    for (SolrDocument hit : target.search(query)) {
      if (counts.size() == MinHashBands.MAX_CANDIDATES) {
        break;
      }
      String other = (String) hit.getFirstValue(ID);
      Object published = hit.getFirstValue(PUBLISHED);
      Instant when =
          published == null ? null : Instant.ofEpochMilli(((Number) published).longValue());
      StoryText text =
          StoryText.of(
              other, (String) hit.getFirstValue(TITLE), (String) hit.getFirstValue(BODY), when);
      byte[] signature = MinHashBands.fingerprint(text).signature();
      if (MinHashBands.estimate(signature, 0, signature.length, print.signature())
          < MinHashBands.MIN_ESTIMATE) {
        continue;
      }
      if (!other.equals(id) && !overlay.contains(other)) {
        counts.put(other, Math.round(((Number) hit.getFirstValue("score")).floatValue()));
        found.put(other, new Member(other, when, (String) hit.getFirstValue(STORY), null, text));
      }
    }
    overlay
        .bandMatches(print.bands())
        .forEach(
            (other, count) -> {
              if (!other.equals(id)) {
                counts.put(other, count);
                found.put(other, Member.fromOverlay(overlay.get(other)));
              }
            });
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MinHashBands.MAX_CANDIDATES)
        .map(e -> found.get(e.getKey()))
        .toList();
  }

  /** A term for the standard query parser. */
  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
