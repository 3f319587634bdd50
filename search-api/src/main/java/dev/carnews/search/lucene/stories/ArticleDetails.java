package dev.carnews.search.lucene.stories;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.STORY;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.search.ArticleDetail;
import dev.carnews.search.views.ArticleViews;
import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** One article by id, read back from its stored fields with its entities and their salience. */
public final class ArticleDetails {

  private ArticleDetails() {}

  /** The article with this id, if the index has it. */
  public static Optional<ArticleDetail> find(IndexSearcher searcher, String id) throws IOException {
    int doc = docOf(searcher, id);
    if (doc < 0) {
      return Optional.empty();
    }
    Document stored = searcher.storedFields().document(doc);
    TaggedArticle tagged = ArticleDocuments.shownFromStored(stored);
    return Optional.of(ArticleViews.detail(tagged, Stories.of(searcher, id, stored.get(STORY))));
  }

  /** The document number of the article with this id, or -1. */
  public static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }
}
