package dev.carnews.search.solr;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.Entity;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.RelatedHit;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SharedEntities;
import dev.carnews.solrcloud.SolrArticles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/**
 * Related articles on SolrCloud: Solr's MoreLikeThis over title and body (the {@code mlt} query
 * parser, which works across shards) OR-ed with the article's people and brands, so articles
 * sharing entities rank higher, the article itself and the other versions of its story excluded
 * (those are listed apart, as {@code versions}); each hit says which entities it shares. With the
 * article's vector, that ranking's first {@value #CANDIDATES} are fused by reciprocal rank with the
 * article's {@value #CANDIDATES} nearest neighbours by meaning ({@code {!knn}}, its own versions
 * left out before the neighbours are taken), as the local index fuses them.
 */
final class SolrRelated {

  /**
   * How many candidates each ranking (words and shared entities; meaning) offers the fusion, as
   * locally: a related list is short, the candidates a few times longer.
   */
  static final int CANDIDATES = 50;

  private static final String FIELDS = "id,url,title,author,published,brand,person,score";

  private final SolrNewsArchive.Reads reads;
  private final SolrNewsArchive.Reads posted;
  private final SolrStoryViews stories;

  /**
   * @param reads a read of the collection
   * @param posted a read whose parameters may be too long for a URL (a vector)
   */
  SolrRelated(SolrNewsArchive.Reads reads, SolrNewsArchive.Reads posted, SolrStoryViews stories) {
    this.reads = reads;
    this.posted = posted;
    this.stories = stories;
  }

  /**
   * The related articles of an article in {@code story} ({@code null}: a story of its own), by
   * meaning too when {@code meaning} (its vector) is not {@code null}.
   */
  RelatedResponse of(TaggedArticle source, String story, int size, float[] meaning)
      throws IOException {
    String id = source.article().id();
    SolrQuery query = new SolrQuery("{!bool should=$text should=$entities}");
    query.set("text", "{!mlt qf=title,body mintf=1 mindf=1 maxqt=25}" + id);
    String entities = entities(source);
    query.set("entities", entities.isEmpty() ? "-*:*" : entities);
    others(query, id, story);
    query.setFields(FIELDS);
    List<SolrDocument> ranked = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    if (meaning == null) {
      query.setRows(size);
      for (SolrDocument doc : reads.query(query).getResults()) {
        ranked.add(doc);
        scores.add(((Number) doc.getFirstValue("score")).doubleValue());
      }
    } else {
      int candidates = Math.max(CANDIDATES, size);
      query.setRows(candidates);
      SolrQuery near = new SolrQuery(SolrMeaning.knn(meaning, candidates));
      others(near, id, story);
      near.setFields(FIELDS);
      near.setRows(candidates);
      Map<String, SolrDocument> byId = new HashMap<>();
      List<String> words = ids(reads.query(query).getResults(), byId);
      List<String> nearest = ids(posted.query(near).getResults(), byId);
      Map<String, Double> fused = SolrMeaning.reciprocalRankScores(words, nearest);
      for (Map.Entry<String, Double> hit : fused.entrySet()) {
        if (ranked.size() == size) {
          break;
        }
        ranked.add(byId.get(hit.getKey()));
        scores.add(hit.getValue());
      }
    }
    List<String> persons = source.personNames();
    List<String> brands = source.brandNames();
    List<RelatedHit> hits = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      SolrDocument doc = ranked.get(i);
      List<String> authors = SolrArticles.strings(doc, ArticleSchema.AUTHOR);
      hits.add(
          new RelatedHit(
              (String) doc.getFirstValue(ArticleSchema.ID),
              (String) doc.getFirstValue(ArticleSchema.URL),
              (String) doc.getFirstValue(ArticleSchema.TITLE),
              authors.isEmpty() ? null : authors.get(0),
              SolrAnswers.published(doc),
              scores.get(i),
              new SharedEntities(
                  shared(persons, SolrArticles.strings(doc, ArticleSchema.PERSON)),
                  shared(brands, SolrArticles.strings(doc, ArticleSchema.BRAND)))));
    }
    return new RelatedResponse(id, hits, stories.otherVersions(story, id));
  }

  /** Leaves out the article itself and the versions of its story. */
  private static void others(SolrQuery query, String id, String story) {
    query.addFilterQuery("-" + ArticleSchema.ID + ":" + SolrSearchParams.quoted(id));
    if (story != null) {
      query.addFilterQuery("-" + ArticleSchema.STORY + ":" + SolrSearchParams.quoted(story));
    }
  }

  /** The ids of a ranking, best first, each document kept by id. */
  private static List<String> ids(List<SolrDocument> docs, Map<String, SolrDocument> byId) {
    List<String> ids = new ArrayList<>();
    for (SolrDocument doc : docs) {
      String id = (String) doc.getFirstValue(ArticleSchema.ID);
      ids.add(id);
      byId.putIfAbsent(id, doc);
    }
    return ids;
  }

  private static String entities(TaggedArticle source) {
    List<String> clauses = new ArrayList<>();
    for (Entity person : source.persons()) {
      clauses.add(ArticleSchema.PERSON_KEY + ":" + SolrSearchParams.quoted(key(person)));
    }
    for (Entity brand : source.brands()) {
      clauses.add(ArticleSchema.BRAND_KEY + ":" + SolrSearchParams.quoted(key(brand)));
    }
    return clauses.stream().collect(Collectors.joining(" "));
  }

  private static String key(Entity entity) {
    return NameKeys.key(entity.name());
  }

  private static List<String> shared(List<String> mine, List<String> theirs) {
    List<String> keys = theirs.stream().map(NameKeys::key).toList();
    return mine.stream().filter(name -> keys.contains(NameKeys.key(name))).toList();
  }
}
