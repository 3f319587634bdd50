package dev.carnews.search.lucene.query;

import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.index.ReaderCache;
import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The news ranking around a text query, for relevance order: the salience of the brands and people
 * the query names, proximity when it is not left to re-ranking, all multiplied by the recency
 * decay.
 */
public final class RankedQueries {

  /** Weight of an entity's salience (0..1) when the query names the entity. */
  private static final float SALIENCE_WEIGHT = 2f;

  private final Ranking ranking;

  /** Whether a reader has salience ranking features (indexes built before them do not). */
  private final ReaderCache<Boolean> salienceFeatures =
      new ReaderCache<>(RankedQueries::hasSalienceFeatures);

  public RankedQueries(Ranking ranking) {
    this.ranking = ranking;
  }

  /**
   * Finds which ranking features a new reader has and reads its new segments' publication times,
   * before it serves.
   */
  void warm(IndexReader reader) throws IOException {
    salienceFeatures.get(reader);
    if (ranking.recency()) {
      RecencyBoost.warm(reader);
    }
  }

  /**
   * The text query with the news ranking around it when the request is ranked by relevance with
   * words; the text query alone otherwise.
   */
  Query ranked(
      IndexSearcher searcher,
      Query text,
      Optional<Query> proximity,
      SearchRequest request,
      EntityLexicon.Reading reading)
      throws IOException {
    if (request.q().isBlank() || request.sort() != SortOrder.RELEVANCE) {
      return text;
    }
    BooleanQuery.Builder scored = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    proximity.ifPresent(p -> scored.add(p, BooleanClause.Occur.SHOULD));
    boolean features = salienceFeatures.get(searcher.getIndexReader());
    for (EntityLexicon.Known brand : reading.brands()) {
      scored.add(salience(features, Kind.BRAND, brand.label()), BooleanClause.Occur.SHOULD);
    }
    for (EntityLexicon.Known person : reading.persons()) {
      scored.add(salience(features, Kind.PERSON, person.label()), BooleanClause.Occur.SHOULD);
    }
    return withRecency(searcher, scored.build());
  }

  /** The query's scores times the recency decay, when recency ranking is on. */
  Query withRecency(IndexSearcher searcher, Query query) throws IOException {
    return ranking.recency()
        ? FunctionScoreQuery.boostByValue(
            query, RecencyBoost.of(searcher.getIndexReader(), ranking))
        : query;
  }

  /** The fields an entity kind's salience is read from. */
  private enum Kind {
    BRAND(
        ArticleSchema.BRAND_SALIENCE_RANK,
        BRAND_KEY,
        ArticleSchema.BRAND,
        ArticleSchema.BRAND_SALIENCE),
    PERSON(
        ArticleSchema.PERSON_SALIENCE_RANK,
        PERSON_KEY,
        ArticleSchema.PERSON,
        ArticleSchema.PERSON_SALIENCE);

    final String rankField;
    final String keyField;
    final String displayField;
    final String salienceField;

    Kind(String rankField, String keyField, String displayField, String salienceField) {
      this.rankField = rankField;
      this.keyField = keyField;
      this.displayField = displayField;
      this.salienceField = salienceField;
    }
  }

  /** The salience clause of a named entity, from ranking features when the reader has them. */
  private static Query salience(boolean features, Kind kind, String label) {
    return features
        ? salienceFeature(kind.rankField, label)
        : storedSalience(kind.keyField, kind.displayField, kind.salienceField, label);
  }

  /**
   * Scores articles naming the entity by its salience there, times {@link #SALIENCE_WEIGHT}, from
   * the ranking features written at index time.
   */
  private static Query salienceFeature(String rankField, String label) {
    return FeatureField.newLinearQuery(rankField, NameKeys.key(label), SALIENCE_WEIGHT);
  }

  /**
   * The same score as {@link #salienceFeature} for an index built before the features, read from
   * the stored saliences of every article naming the entity (slow for a name in many articles).
   */
  private static Query storedSalience(
      String keyField, String displayField, String salienceField, String label) {
    String key = NameKeys.key(label);
    Query names = new ConstantScoreQuery(new TermQuery(new Term(keyField, key)));
    return new BoostQuery(
        new FunctionScoreQuery(names, new SalienceBoost(displayField, salienceField, key)),
        SALIENCE_WEIGHT);
  }

  private static boolean hasSalienceFeatures(IndexReader reader) {
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    return fields.fieldInfo(ArticleSchema.BRAND_SALIENCE_RANK) != null
        || fields.fieldInfo(ArticleSchema.PERSON_SALIENCE_RANK) != null;
  }
}
