package dev.carnews.search.lucene.query;

import dev.carnews.search.lucene.index.ReaderCache;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's default rewrite of a {@link FuzzyQuery} (the 50 closest terms, frequencies blended),
 * remembered per open reader: the rewrite walks the term dictionary with an edit-distance
 * automaton, which made a search with an unknown long word several times dearer than one with hits
 * (issue 12). The rewrite depends only on the reader and the query, so a remembered one is the same
 * query; the memory goes with the reader when it closes after a refresh.
 */
public final class CachedFuzzyRewrite extends MultiTermQuery.RewriteMethod {

  /** The one instance: fuzzy queries built with it compare equal as before. */
  static final CachedFuzzyRewrite INSTANCE = new CachedFuzzyRewrite();

  /** Rewrites remembered per reader, at most; beyond it new ones are computed, not kept. */
  static final int MAX_PER_READER = 10_000;

  private final MultiTermQuery.RewriteMethod rewrite =
      FuzzyQuery.defaultRewriteMethod(FuzzyQuery.defaultMaxExpansions);
  private final ReaderCache<Map<MultiTermQuery, Query>> rewrites =
      new ReaderCache<>(reader -> new ConcurrentHashMap<>());

  private CachedFuzzyRewrite() {}

  /** A fuzzy query as Lucene's default one, rewritten through this cache. */
  static FuzzyQuery fuzzy(Term term, int maxEdits) {
    return new FuzzyQuery(
        term,
        maxEdits,
        FuzzyQuery.defaultPrefixLength,
        FuzzyQuery.defaultMaxExpansions,
        FuzzyQuery.defaultTranspositions,
        INSTANCE);
  }

  @Override
  public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
    if (reader.getReaderCacheHelper() == null) {
      return rewrite.rewrite(reader, query);
    }
    Map<MultiTermQuery, Query> known = rewrites.get(reader);
    Query rewritten = known.get(query);
    if (rewritten == null) {
      rewritten = rewrite.rewrite(reader, query);
      if (known.size() < MAX_PER_READER) {
        known.put(query, rewritten);
      }
    }
    return rewritten;
  }
}
