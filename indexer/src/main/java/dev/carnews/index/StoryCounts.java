package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.STORY;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * The stories of an index: which story each article is in, how many stories there are and how many
 * versions they have. An article without a {@code story} field (an index built before stories) is
 * its own story.
 *
 * @param stories the story of each article id
 * @param versions how many stories have each number of versions (1 = a story of one article)
 */
public record StoryCounts(Map<String, String> stories, Map<Integer, Integer> versions) {

  /** Copies. */
  public StoryCounts {
    stories = Map.copyOf(stories);
    versions = Map.copyOf(versions);
  }

  /** Articles counted. */
  public int articles() {
    return stories.size();
  }

  /** Distinct stories. */
  public int storyCount() {
    return versions.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The distribution of versions per story, fewest versions first. */
  public Map<Integer, Integer> distribution() {
    return new TreeMap<>(versions);
  }

  /** The counts of a map from each article id to its story. */
  public static StoryCounts of(Map<String, String> stories) {
    Map<String, Integer> sizes = new HashMap<>();
    stories.values().forEach(story -> sizes.merge(story, 1, Integer::sum));
    Map<Integer, Integer> versions = new HashMap<>();
    sizes.values().forEach(size -> versions.merge(size, 1, Integer::sum));
    return new StoryCounts(stories, versions);
  }

  /** Reads the story of every live article of the index's current reader. */
  public static StoryCounts read(ArticleIndex index) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      return read(searcher.getIndexReader());
    } finally {
      index.searchers().release(searcher);
    }
  }

  /** Reads the story of every live article. */
  public static StoryCounts read(IndexReader reader) throws IOException {
    Map<String, String> stories = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          Document fields = stored.document(doc, Set.of(ID, STORY));
          String id = fields.get(ID);
          String story = fields.get(STORY);
          stories.put(id, story == null ? id : story);
        }
      }
    }
    return of(stories);
  }
}
