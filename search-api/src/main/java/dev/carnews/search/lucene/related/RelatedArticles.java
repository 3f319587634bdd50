package dev.carnews.search.lucene.related;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;
import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.RelatedHit;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SharedEntities;
import dev.carnews.search.lucene.hits.HitReader;
import dev.carnews.search.lucene.query.Filters;
import dev.carnews.search.lucene.query.Fusion;
import dev.carnews.search.lucene.stories.ArticleDetails;
import dev.carnews.search.lucene.stories.Stories;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Articles related to one: text similarity of title and body ({@link MoreLikeThis}) plus a boost
 * per shared person and brand; never the article itself, and never its own versions, which are
 * listed apart.
 */
public final class RelatedArticles {

  private static final float SHARED_PERSON_BOOST = 2f;
  private static final float SHARED_BRAND_BOOST = 1f;

  private final Analyzer textAnalyzer;

  /** Related articles by the index-time analysis of title and body. */
  public RelatedArticles(Analyzer textAnalyzer) {
    this.textAnalyzer = textAnalyzer;
  }

  /**
   * How many candidates each ranking (words and shared entities; meaning) offers the fusion: a
   * related list is short, the candidates a few times longer.
   */
  private static final int CANDIDATES = 50;

  /** See {@link NewsArchive#related(String, int)}: by words and shared entities only. */
  public Optional<RelatedResponse> related(IndexSearcher searcher, String id, int size)
      throws IOException {
    return related(searcher, id, size, false);
  }

  /**
   * See {@link NewsArchive#related(String, int)}. With {@code byMeaning}, and when the article has
   * a vector, the ranking by words and shared entities is fused (reciprocal rank) with the
   * article's nearest neighbours, its own versions left out of both.
   */
  public Optional<RelatedResponse> related(
      IndexSearcher searcher, String id, int size, boolean byMeaning) throws IOException {
    if (size < 1 || size > RelatedResponse.MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + RelatedResponse.MAX_SIZE);
    }
    int doc = ArticleDetails.docOf(searcher, id);
    if (doc < 0) {
      return Optional.empty();
    }
    StoredFields stored = searcher.storedFields();
    Document source = stored.document(doc);
    List<String> persons = List.of(source.getValues(PERSON));
    List<String> brands = List.of(source.getValues(BRAND));
    String story = source.get(STORY);
    Query query = query(searcher, doc, id, story, persons, brands);
    float[] meaning = byMeaning ? ArticleDocuments.vectorOf(searcher.getIndexReader(), doc) : null;
    ScoreDoc[] ranked;
    if (meaning == null) {
      ranked = searcher.search(query, size).scoreDocs;
    } else {
      int candidates = Math.max(CANDIDATES, size);
      ScoreDoc[] words = searcher.search(query, candidates).scoreDocs;
      ScoreDoc[] nearest =
          searcher.search(
                  new KnnFloatVectorQuery(VECTOR, meaning, candidates, others(id, story)),
                  candidates)
              .scoreDocs;
      ScoreDoc[] fused = Fusion.reciprocalRank(words, nearest);
      ranked = Arrays.copyOf(fused, Math.min(size, fused.length));
    }
    Set<String> personKeys = Filters.keys(persons);
    Set<String> brandKeys = Filters.keys(brands);
    List<RelatedHit> hits = new ArrayList<>();
    for (ScoreDoc scoreDoc : ranked) {
      Document hit = stored.document(scoreDoc.doc, HitReader.HIT_FIELDS);
      SharedEntities shared =
          new SharedEntities(
              shared(hit.getValues(PERSON), personKeys), shared(hit.getValues(BRAND), brandKeys));
      hits.add(
          new RelatedHit(
              hit.get(ID),
              hit.get(URL),
              hit.get(TITLE),
              hit.get(AUTHOR),
              HitReader.published(hit),
              scoreDoc.score,
              shared));
    }
    return Optional.of(new RelatedResponse(id, hits, Stories.otherVersions(searcher, story, id)));
  }

  private Query query(
      IndexSearcher searcher,
      int doc,
      String id,
      String story,
      List<String> persons,
      List<String> brands)
      throws IOException {
    MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
    moreLikeThis.setFieldNames(new String[] {TITLE, BODY});
    moreLikeThis.setAnalyzer(textAnalyzer);
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(2);
    moreLikeThis.setMaxQueryTerms(25);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(moreLikeThis.like(doc), BooleanClause.Occur.SHOULD);
    for (String key : Filters.keys(persons)) {
      query.add(entityBoost(PERSON_KEY, key, SHARED_PERSON_BOOST), BooleanClause.Occur.SHOULD);
    }
    for (String key : Filters.keys(brands)) {
      query.add(entityBoost(BRAND_KEY, key, SHARED_BRAND_BOOST), BooleanClause.Occur.SHOULD);
    }
    query.add(new TermQuery(new Term(ID, id)), BooleanClause.Occur.MUST_NOT);
    if (story != null) {
      // The article's own versions are offered apart (RelatedResponse.versions), not as related.
      query.add(new TermQuery(new Term(STORY, story)), BooleanClause.Occur.MUST_NOT);
    }
    return query.build();
  }

  /** Every article but this one and its own versions. */
  private static Query others(String id, String story) {
    BooleanQuery.Builder others = new BooleanQuery.Builder();
    others.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    others.add(new TermQuery(new Term(ID, id)), BooleanClause.Occur.MUST_NOT);
    if (story != null) {
      others.add(new TermQuery(new Term(STORY, story)), BooleanClause.Occur.MUST_NOT);
    }
    return others.build();
  }

  private static Query entityBoost(String field, String key, float boost) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, key))), boost);
  }

  private static List<String> shared(String[] names, Set<String> keys) {
    return Arrays.stream(names).filter(name -> keys.contains(NameKeys.key(name))).toList();
  }
}
