package dev.carnews.search.lucene.stories;

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
import dev.carnews.search.lucene.hits.HitReader;
import dev.carnews.search.views.StoryViews;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Stories for editors: the versions of a story oldest first with what changed between them ({@link
 * StoryViews}), and the story an article belongs to. A story has at most {@link
 * StoryViews#MAX_VERSIONS} versions listed.
 */
public final class Stories {

  private static final Set<String> FIELDS = Set.of(ID, URL, TITLE, AUTHOR, BODY, PUBLISHED, STORY);

  private Stories() {}

  /** The story of an article: its id and number of versions (an article without one: itself). */
  static StoryRef of(IndexSearcher searcher, String articleId, String story) throws IOException {
    if (story == null) {
      return new StoryRef(articleId, 1);
    }
    return new StoryRef(story, Math.max(1, searcher.count(new TermQuery(new Term(STORY, story)))));
  }

  /** The story with this id, if there is one. */
  public static Optional<StoryDetail> find(IndexSearcher searcher, String id) throws IOException {
    List<StoryViews.Stored> docs = versions(searcher, id);
    if (docs.isEmpty()) {
      int doc = ArticleDetails.docOf(searcher, id);
      if (doc < 0) {
        return Optional.empty();
      }
      Document only = searcher.storedFields().document(doc, FIELDS);
      if (only.get(STORY) != null) {
        // An article of another story: its story is found under that story's id.
        return Optional.empty();
      }
      docs = List.of(stored(only));
    }
    return Optional.of(new StoryDetail(id, StoryViews.versions(docs)));
  }

  /** The other versions of an article's story, oldest first, without what changed. */
  public static List<StoryVersion> otherVersions(
      IndexSearcher searcher, String story, String articleId) throws IOException {
    if (story == null) {
      return List.of();
    }
    return StoryViews.others(versions(searcher, story), articleId);
  }

  /** The stored versions of a story, in no order. */
  private static List<StoryViews.Stored> versions(IndexSearcher searcher, String story)
      throws IOException {
    List<StoryViews.Stored> docs = new ArrayList<>();
    for (ScoreDoc hit :
        searcher.search(new TermQuery(new Term(STORY, story)), StoryViews.MAX_VERSIONS).scoreDocs) {
      docs.add(stored(searcher.storedFields().document(hit.doc, FIELDS)));
    }
    return docs;
  }

  private static StoryViews.Stored stored(Document doc) {
    return new StoryViews.Stored(
        doc.get(ID),
        doc.get(URL),
        doc.get(TITLE),
        doc.get(AUTHOR),
        HitReader.published(doc),
        doc.get(BODY));
  }
}
