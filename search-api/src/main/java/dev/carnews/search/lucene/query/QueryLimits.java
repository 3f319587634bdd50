package dev.carnews.search.lucene.query;

import dev.carnews.search.InvalidQueryException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Bounds on what a reader's query may ask, checked before it runs: how deeply {@code ( )} groups
 * nest, how long one word is, and how many term and leaf clauses the parsed query holds after
 * analysis (synonyms and compound splits included). Both are far above any real search and far
 * below what would make one search slow for everyone. Lucene's own {@code TooManyClauses} stays as
 * a last guard.
 */
public final class QueryLimits {

  /** The deepest nesting of parentheses in {@code q}. */
  public static final int MAX_NESTING = 8;

  /** The longest word (a run without spaces) in {@code q}; longer ones make costly fuzzy terms. */
  public static final int MAX_WORD_LENGTH = 100;

  /** The most term and leaf clauses of a parsed query. */
  public static final int MAX_CLAUSES = 1024;

  private QueryLimits() {}

  /**
   * Refuses text whose parentheses nest deeper than {@value #MAX_NESTING} or with a word longer
   * than {@value #MAX_WORD_LENGTH} characters.
   */
  public static void checkNesting(String q) {
    int word = 0;
    for (int i = 0; i < q.length(); i++) {
      word = Character.isWhitespace(q.charAt(i)) ? 0 : word + 1;
      if (word > MAX_WORD_LENGTH) {
        throw new InvalidQueryException(
            "q has a word longer than " + MAX_WORD_LENGTH + " characters", null);
      }
    }
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
        if (depth > MAX_NESTING) {
          throw new InvalidQueryException(
              "q nests ( ) deeper than " + MAX_NESTING + " levels", null);
        }
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      }
    }
  }

  /** Refuses a query of more than {@value #MAX_CLAUSES} term and leaf clauses. */
  static void checkClauses(Query query) {
    if (clauses(query) > MAX_CLAUSES) {
      throw new InvalidQueryException(
          "q has too many terms (at most " + MAX_CLAUSES + " after analysis)", null);
    }
  }

  /** The number of term and leaf clauses in a query. */
  static int clauses(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public void visitLeaf(Query leaf) {
            count[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return count[0];
  }
}
