package dev.carnews.search.lucene.hits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A {@link UnifiedHighlighter} without a searcher that highlights the stored texts of a whole page
 * with one field highlighter: the query's terms, automata and phrase helper are extracted once per
 * page, not per hit.
 *
 * <p>Where the field's postings carry offsets (indexes written since issue 25), a hit's matches and
 * their offsets are read from its segment's postings: nothing is analysed. Otherwise (older
 * indexes) each stored text is re-analysed into an in-memory index that is reset between texts
 * instead of built anew for every hit (issue 12), exactly what {@link #highlightWithoutSearcher}
 * does.
 */
public final class PageHighlighter extends UnifiedHighlighter {

  private final OffsetSource offsets;

  /**
   * A highlighter reading offsets from {@code offsets}: {@link OffsetSource#POSTINGS} or {@link
   * OffsetSource#ANALYSIS}.
   */
  PageHighlighter(Builder builder, OffsetSource offsets) {
    super(builder);
    if (offsets != OffsetSource.POSTINGS && offsets != OffsetSource.ANALYSIS) {
      throw new IllegalArgumentException("postings or analysis, not " + offsets);
    }
    this.offsets = offsets;
  }

  /** Whether a field's postings in {@code reader} carry the offsets this highlighter can read. */
  static boolean hasOffsets(IndexReader reader, String field) {
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
      if (info != null) {
        // One index, one set of index options per field: the first segment that has it tells.
        return info.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
      }
    }
    return false;
  }

  @Override
  protected OffsetSource getOffsetSource(String field) {
    return offsets;
  }

  /**
   * The highlighted passages of each hit's stored text, {@code null} where the query matches
   * nothing of it, in the order of {@code page}; a {@code null} text stays {@code null}.
   *
   * @param reader the reader the page's doc ids belong to
   * @param contents the stored text of each hit of {@code page}
   */
  Object[] highlightAll(
      String field,
      Query query,
      IndexReader reader,
      ScoreDoc[] page,
      List<String> contents,
      int maxPassages,
      HitMatches hitMatches)
      throws IOException {
    Object[] highlighted = new Object[contents.size()];
    UHComponents components = getHighlightComponents(field, query, extractTerms(query));
    PageMatches pageMatches = null;
    FieldOffsetStrategy strategy;
    OffsetSource source = getOptimizedOffsetSource(components);
    if (source == OffsetSource.POSTINGS
        && components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
      pageMatches = new PageMatches(components, hitMatches.of(components.getQuery(), reader));
      strategy = pageMatches;
    } else {
      strategy = getOffsetStrategy(source, components);
    }
    FieldHighlighter highlighter =
        newFieldHighlighter(
            field,
            strategy,
            new SplittingBreakIterator(getBreakIterator(field), MULTIVAL_SEP_CHAR),
            getScorer(field),
            maxPassages,
            getMaxNoHighlightPassages(field),
            getFormatter(field),
            getPassageSortComparator(field));
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < contents.size(); i++) {
      String content = contents.get(i);
      if (content == null) {
        continue;
      }
      if (source == OffsetSource.POSTINGS) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(page[i].doc, leaves));
        if (pageMatches != null) {
          pageMatches.leaf = leaf;
        }
        highlighted[i] =
            highlighter.highlightFieldForDoc(leaf.reader(), page[i].doc - leaf.docBase, content);
      } else {
        highlighted[i] = highlighter.highlightFieldForDoc(null, -1, content);
      }
    }
    return highlighted;
  }

  /**
   * The matches of a page's hits, found once for all the fields highlighted: one weight of the
   * query, and one {@link Matches} per hit, whose iterator for each field is read by that field's
   * highlighter. Lucene's term matches open the postings of the query's terms in every field at
   * once, so finding a hit's matches for its title and again for its body opened them all twice.
   * One per page and query; not thread-safe.
   */
  static final class HitMatches {
    private Query query;
    private IndexReader reader;
    private Weight weight;

    /** The same matches from postings shared by the page's hits, for a query of terms. */
    private PageTermMatches terms;

    private final Map<Integer, Matches> byDoc = new HashMap<>();

    /** The matches of {@code query}'s hits in {@code reader}: these, or new ones for another. */
    HitMatches of(Query query, IndexReader reader) throws IOException {
      if (weight != null && query.equals(this.query) && reader == this.reader) {
        return this;
      }
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      Query rewritten = searcher.rewrite(query);
      this.weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1.0f);
      this.terms = PageTermMatches.of(rewritten);
      this.query = query;
      this.reader = reader;
      byDoc.clear();
      return this;
    }

    /** The hit's matches ({@code null}: none), found at the first field that asks. */
    Matches matches(LeafReaderContext leaf, int docId) throws IOException {
      int doc = leaf.docBase + docId;
      if (byDoc.containsKey(doc)) {
        return byDoc.get(doc);
      }
      Matches matches = terms != null ? terms.matches(leaf, docId) : weight.matches(leaf, docId);
      byDoc.put(doc, matches);
      return matches;
    }
  }

  /**
   * The offsets of a hit's matches from one weight of the query for the whole page ({@link
   * HitMatches}): what Lucene's weight-matches strategy finds, without rewriting the query and
   * looking up every term of it again for each hit (that was most of the highlighter's work once
   * offsets were in postings). The weight's term states are kept per segment, so a term is looked
   * up once per segment of the page. Not thread-safe: one per page.
   */
  private static final class PageMatches extends FieldOffsetStrategy {

    private final HitMatches hitMatches;

    /** The segment of the hit being highlighted. */
    LeafReaderContext leaf;

    PageMatches(UHComponents components, HitMatches hitMatches) {
      super(components);
      this.hitMatches = hitMatches;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
        throws IOException {
      if (leaf == null || leaf.reader() != reader) {
        throw new IllegalStateException("the hit's segment was not set");
      }
      Matches matches = hitMatches.matches(leaf, docId);
      if (matches == null) {
        return OffsetsEnum.EMPTY;
      }
      List<OffsetsEnum> offsets = new ArrayList<>();
      for (String matched : matches) {
        if (components.getFieldMatcher().test(matched)) {
          MatchesIterator iterator = matches.getMatches(matched);
          if (iterator != null) {
            offsets.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
          }
        }
      }
      return switch (offsets.size()) {
        case 0 -> OffsetsEnum.EMPTY;
        case 1 -> offsets.get(0);
        default -> new OffsetsEnum.MultiOffsetsEnum(offsets);
      };
    }

    @Override
    public OffsetSource getOffsetSource() {
      return OffsetSource.POSTINGS;
    }
  }
}
