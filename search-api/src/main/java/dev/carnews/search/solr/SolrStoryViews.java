package dev.carnews.search.solr;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.search.StoryDetail;
import dev.carnews.search.StoryRef;
import dev.carnews.search.StoryVersion;
import dev.carnews.search.views.StoryViews;
import dev.carnews.solrcloud.SolrArticles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.common.SolrDocument;

/**
 * Stories on SolrCloud, read from the {@code story} field the indexer and the service's writes keep
 * ({@code dev.carnews.solrcloud.SolrStories}): a story's versions with what changed, the other
 * versions of an article, and how many versions stories have. A story's versions may sit on every
 * shard: each read is one distributed search on the story id.
 */
final class SolrStoryViews {

  private static final String VERSION_FIELDS =
      String.join(",", ID, URL, TITLE, AUTHOR, PUBLISHED, BODY);

  private final SolrNewsArchive.Reads reads;

  SolrStoryViews(SolrNewsArchive.Reads reads) {
    this.reads = reads;
  }

  /**
   * The story with this id: its versions, or the article of this id alone when it has no story (a
   * collection written before stories); empty when neither exists.
   *
   * @param article the stored article of this id, if any, with its {@code story} field
   */
  Optional<StoryDetail> find(String id, Optional<SolrDocument> article) throws IOException {
    List<StoryViews.Stored> docs = versions(id);
    if (docs.isEmpty()) {
      if (article.isEmpty() || article.get().getFirstValue(STORY) != null) {
        // No such article, or one of another story: that story is found under its own id.
        return Optional.empty();
      }
      docs = List.of(stored(article.get()));
    }
    return Optional.of(new StoryDetail(id, StoryViews.versions(docs)));
  }

  /** The other versions of an article's story, oldest first, without what changed. */
  List<StoryVersion> otherVersions(String story, String articleId) throws IOException {
    return story == null ? List.of() : StoryViews.others(versions(story), articleId);
  }

  /** The story of an article: its id and number of versions (an article without one: itself). */
  StoryRef of(String articleId, String story) throws IOException {
    if (story == null) {
      return new StoryRef(articleId, 1);
    }
    return new StoryRef(story, Math.max(1, counts(List.of(story)).getOrDefault(story, 0)));
  }

  /** How many articles each of these stories has, in one facet request. */
  Map<String, Integer> counts(Collection<String> stories) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    if (stories.isEmpty()) {
      return counts;
    }
    SolrQuery query = new SolrQuery("*:*");
    query.addFilterQuery(terms(stories));
    query.setRows(0);
    query.setFacet(true);
    query.addFacetField(STORY);
    query.setFacetLimit(-1);
    query.setFacetMinCount(1);
    FacetField field = reads.query(query).getFacetField(STORY);
    if (field != null && field.getValues() != null) {
      for (FacetField.Count count : field.getValues()) {
        counts.put(count.getName(), (int) count.getCount());
      }
    }
    return counts;
  }

  /** A filter on these stories. */
  static String terms(Collection<String> stories) {
    return STORY
        + ":("
        + stories.stream().map(SolrSearchParams::quoted).collect(Collectors.joining(" OR "))
        + ")";
  }

  /** The stored versions of a story, in no order. */
  private List<StoryViews.Stored> versions(String story) throws IOException {
    SolrQuery query = new SolrQuery(STORY + ":" + SolrSearchParams.quoted(story));
    query.setRows(StoryViews.MAX_VERSIONS);
    query.setFields(VERSION_FIELDS);
    // The oldest when a story has more than the listed versions, as the order lists them.
    query.addSort(PUBLISHED, SolrQuery.ORDER.asc);
    query.addSort(ID, SolrQuery.ORDER.asc);
    List<StoryViews.Stored> docs = new ArrayList<>();
    for (SolrDocument doc : reads.query(query).getResults()) {
      docs.add(stored(doc));
    }
    return docs;
  }

  private static StoryViews.Stored stored(SolrDocument doc) {
    List<String> authors = SolrArticles.strings(doc, AUTHOR);
    return new StoryViews.Stored(
        (String) doc.getFirstValue(ID),
        (String) doc.getFirstValue(URL),
        (String) doc.getFirstValue(TITLE),
        authors.isEmpty() ? null : authors.get(0),
        SolrAnswers.published(doc),
        (String) doc.getFirstValue(BODY));
  }
}
