package dev.carnews.search;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.STORY;

import dev.carnews.entity.Entity;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** One article by id, read back from its stored fields with its entities and their salience. */
final class ArticleDetails {

  private ArticleDetails() {}

  /** The article with this id, if the index has it. */
  static Optional<ArticleDetail> find(IndexSearcher searcher, String id) throws IOException {
    int doc = docOf(searcher, id);
    if (doc < 0) {
      return Optional.empty();
    }
    Document stored = searcher.storedFields().document(doc);
    TaggedArticle tagged = ArticleDocuments.fromStored(stored);
    return Optional.of(detail(tagged, Stories.of(searcher, id, stored.get(STORY))));
  }

  /** The document number of the article with this id, or -1. */
  static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /**
   * The detail of an article from a backend that keeps no stories: like an article of an index
   * built before stories, a story of one.
   */
  static ArticleDetail detail(TaggedArticle tagged) {
    return detail(tagged, new StoryRef(tagged.article().id(), 1));
  }

  private static ArticleDetail detail(TaggedArticle tagged, StoryRef story) {
    Article article = tagged.article();
    List<String> authors = tagged.authors();
    return new ArticleDetail(
        article.id(),
        article.url(),
        article.title(),
        article.body(),
        authors.isEmpty() ? null : authors.get(0),
        authors,
        article.published(),
        article.section(),
        article.tags(),
        tagged.brandNames(),
        tagged.personNames(),
        new ArticleEntities(views(tagged.persons()), views(tagged.brands())),
        story);
  }

  private static List<EntityView> views(List<Entity> entities) {
    return entities.stream()
        .map(e -> new EntityView(e.name(), e.mentions(), e.salience()))
        .toList();
  }
}
