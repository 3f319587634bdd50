package dev.carnews.search.lucene.hits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The {@link Matches} Lucene's weights give for a query of terms in boolean clauses (what a search
 * of words rewrites to), found with each term's postings opened once per segment for a whole page
 * instead of once per hit: Lucene's term weight opens new postings (three cloned file inputs) for
 * every term of the query, in every field, for every hit, and that was a sixth of a search.
 *
 * <p>The answers are Lucene's own: the same clauses decide (required, prohibited, how many optional
 * ones), {@link MatchesUtils} joins them, and each term's iterator reads its positions and offsets
 * as Lucene's term iterator does. Other queries (phrases, spans, prefixes, constant scores) have no
 * such shape: {@link #of} answers {@code null} for them and the weight's own matches serve. A
 * {@link CombinedFieldQuery} (a word's title and body as one field) is what its weight without
 * scores is: the disjunction of its terms. Not thread-safe: one per page.
 */
final class PageTermMatches {

  private final Node root;

  private PageTermMatches(Node root) {
    this.root = root;
  }

  /**
   * The matches of {@code rewritten}, or {@code null} when it is not made of terms and booleans.
   */
  static PageTermMatches of(Query rewritten) {
    Node root = node(rewritten);
    return root == null ? null : new PageTermMatches(root);
  }

  /** The hit's matches, {@code null} when it has none (as {@code Weight#matches}). */
  Matches matches(LeafReaderContext leaf, int doc) throws IOException {
    return root.matches(leaf, doc);
  }

  private static Node node(Query query) {
    if (query instanceof BoostQuery boosted) {
      // A boost's weight is its query's weight.
      return node(boosted.getQuery());
    }
    if (query instanceof TermQuery term) {
      return new TermNode(term);
    }
    if (query instanceof CombinedFieldQuery combined && !combined.getTerms().isEmpty()) {
      // Its weight without scores is that of a disjunction of its terms.
      BooleanQuery.Builder terms = new BooleanQuery.Builder();
      for (Term term : combined.getTerms()) {
        terms.add(new TermQuery(term), BooleanClause.Occur.SHOULD);
      }
      return node(terms.build());
    }
    if (query instanceof BooleanQuery bool) {
      List<BooleanClause.Occur> occurs = new ArrayList<>();
      List<Node> clauses = new ArrayList<>();
      for (BooleanClause clause : bool.clauses()) {
        Node child = node(clause.getQuery());
        if (child == null) {
          return null;
        }
        occurs.add(clause.getOccur());
        clauses.add(child);
      }
      return new BooleanNode(occurs, clauses, bool.getMinimumNumberShouldMatch());
    }
    return null;
  }

  private interface Node {
    Matches matches(LeafReaderContext leaf, int doc) throws IOException;
  }

  /** As {@code BooleanWeight#matches}. */
  private record BooleanNode(
      List<BooleanClause.Occur> occurs, List<Node> clauses, int minShouldMatch) implements Node {

    @Override
    public Matches matches(LeafReaderContext leaf, int doc) throws IOException {
      List<Matches> matches = new ArrayList<>();
      int shouldMatchCount = 0;
      for (int i = 0; i < clauses.size(); i++) {
        BooleanClause.Occur occur = occurs.get(i);
        Matches m = clauses.get(i).matches(leaf, doc);
        if (occur == BooleanClause.Occur.MUST_NOT) {
          if (m != null) {
            return null;
          }
        }
        if (occur == BooleanClause.Occur.MUST || occur == BooleanClause.Occur.FILTER) {
          if (m == null) {
            return null;
          }
          matches.add(m);
        }
        if (occur == BooleanClause.Occur.SHOULD) {
          if (m != null) {
            matches.add(m);
            shouldMatchCount++;
          }
        }
      }
      if (shouldMatchCount < minShouldMatch) {
        return null;
      }
      return MatchesUtils.fromSubMatches(matches);
    }
  }

  /**
   * As {@code TermWeight#matches}, with the term looked up once per segment and its postings reused
   * from hit to hit.
   */
  private static final class TermNode implements Node {
    private final TermQuery query;
    private final Term term;

    /** Per segment of the page's hits, by its position among the reader's leaves. */
    private final Map<Integer, InSegment> segments = new HashMap<>();

    TermNode(TermQuery query) {
      this.query = query;
      this.term = query.getTerm();
    }

    @Override
    public Matches matches(LeafReaderContext leaf, int doc) throws IOException {
      InSegment segment = segments.get(leaf.ord);
      if (segment == null) {
        segment = new InSegment(query, termsIn(leaf));
        segments.put(leaf.ord, segment);
      }
      if (segment.terms == null) {
        return null;
      }
      InSegment found = segment;
      return MatchesUtils.forField(
          term.field(),
          () -> {
            found.docs = found.terms.postings(found.docs, PostingsEnum.NONE);
            if (found.docs.advance(doc) != doc) {
              return null;
            }
            return new TermIterator(found, doc);
          });
    }

    /** The term looked up in the segment, {@code null} when the segment does not have it. */
    private TermsEnum termsIn(LeafReaderContext leaf) throws IOException {
      Terms fieldTerms = leaf.reader().terms(term.field());
      if (fieldTerms == null) {
        return null;
      }
      TermsEnum te = fieldTerms.iterator();
      return te.seekExact(term.bytes()) ? te : null;
    }
  }

  /** A term in one segment: where it is, and the postings its hits there share. */
  private static final class InSegment {
    private final TermQuery query;
    private final TermsEnum terms;
    private PostingsEnum docs;
    private PostingsEnum offsets;

    /** Which iterator last positioned {@link #offsets}. */
    private TermIterator positioned;

    InSegment(TermQuery query, TermsEnum terms) {
      this.query = query;
      this.terms = terms;
    }
  }

  /**
   * As Lucene's term matches iterator, on the term's shared postings: positioned at its hit when it
   * is first read, and again (skipping what it read) if another hit's iterator moved them
   * meanwhile.
   */
  private static final class TermIterator implements MatchesIterator {
    private final InSegment node;
    private final int doc;
    private PostingsEnum postings;

    /** Positions left to read; -1 before the first read. */
    private int upto = -1;

    private int read;
    private int pos;

    TermIterator(InSegment node, int doc) {
      this.node = node;
      this.doc = doc;
    }

    @Override
    public boolean next() throws IOException {
      if (upto < 0 || node.positioned != this) {
        position();
      }
      if (upto-- > 0) {
        pos = postings.nextPosition();
        read++;
        return true;
      }
      return false;
    }

    private void position() throws IOException {
      postings = node.offsets = node.terms.postings(node.offsets, PostingsEnum.OFFSETS);
      node.positioned = this;
      if (postings.advance(doc) != doc) {
        throw new IllegalStateException(node.query + " is no longer in doc " + doc);
      }
      if (upto < 0) {
        upto = postings.freq();
      } else {
        for (int i = 0; i < read; i++) {
          postings.nextPosition();
        }
      }
    }

    @Override
    public int startPosition() {
      return pos;
    }

    @Override
    public int endPosition() {
      return pos;
    }

    @Override
    public int startOffset() throws IOException {
      return postings.startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return postings.endOffset();
    }

    @Override
    public MatchesIterator getSubMatches() {
      return null;
    }

    @Override
    public Query getQuery() {
      return node.query;
    }
  }
}
