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
import java.util.List;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/**
 * Related articles on SolrCloud: Solr's MoreLikeThis over title and body (the {@code mlt} query
 * parser, which works across shards) OR-ed with the article's people and brands, so articles
 * sharing entities rank higher, the article itself and the other versions of its story excluded
 * (those are listed apart, as {@code versions}); each hit says which entities it shares.
 */
final class SolrRelated {

  private final SolrNewsArchive.Reads reads;
  private final SolrStoryViews stories;

  SolrRelated(SolrNewsArchive.Reads reads, SolrStoryViews stories) {
    this.reads = reads;
    this.stories = stories;
  }

  /** The related articles of an article in {@code story} ({@code null}: a story of its own). */
  RelatedResponse of(TaggedArticle source, String story, int size) throws IOException {
    String id = source.article().id();
    SolrQuery query = new SolrQuery("{!bool should=$text should=$entities}");
    query.set("text", "{!mlt qf=title,body mintf=1 mindf=1 maxqt=25}" + id);
    String entities = entities(source);
    query.set("entities", entities.isEmpty() ? "-*:*" : entities);
    query.addFilterQuery("-" + ArticleSchema.ID + ":" + SolrSearchParams.quoted(id));
    if (story != null) {
      query.addFilterQuery("-" + ArticleSchema.STORY + ":" + SolrSearchParams.quoted(story));
    }
    query.setRows(size);
    query.setFields("id,url,title,author,published,brand,person,score");
    List<String> persons = source.personNames();
    List<String> brands = source.brandNames();
    List<RelatedHit> hits = new ArrayList<>();
    for (SolrDocument doc : reads.query(query).getResults()) {
      List<String> authors = SolrArticles.strings(doc, ArticleSchema.AUTHOR);
      hits.add(
          new RelatedHit(
              (String) doc.getFirstValue(ArticleSchema.ID),
              (String) doc.getFirstValue(ArticleSchema.URL),
              (String) doc.getFirstValue(ArticleSchema.TITLE),
              authors.isEmpty() ? null : authors.get(0),
              SolrAnswers.published(doc),
              ((Number) doc.getFirstValue("score")).doubleValue(),
              new SharedEntities(
                  shared(persons, SolrArticles.strings(doc, ArticleSchema.PERSON)),
                  shared(brands, SolrArticles.strings(doc, ArticleSchema.BRAND)))));
    }
    return new RelatedResponse(id, hits, stories.otherVersions(story, id));
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
