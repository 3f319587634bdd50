package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_SIGNATURE;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/** How {@link StoryKeeper} reads a story's version from the local index. */
final class StoryMember {

  /** The stored fields a candidate version is compared by. */
  static final Set<String> TEXT_FIELDS = Set.of(ID, TITLE, BODY, PUBLISHED, STORY);

  private StoryMember() {}

  /** A member read from the index: {@code fields} of it, or all (and its vector) when null. */
  static StoryJoin.Member<Document> stored(IndexSearcher searcher, int doc, Set<String> fields)
      throws IOException {
    Document stored =
        fields == null
            ? ArticleDocuments.storedWithVector(searcher, doc)
            : searcher.storedFields().document(doc, fields);
    String id = stored.get(ID);
    IndexableField published = stored.getField(PUBLISHED);
    Instant when =
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
    StoryText text = StoryText.of(id, stored.get(TITLE), stored.get(BODY), when);
    return new StoryJoin.Member<>(id, when, stored.get(STORY), stored, text, true);
  }

  /** The estimated similarity of a document to a signature; 1 when it has no signature. */
  static double estimate(List<LeafReaderContext> leaves, int doc, byte[] signature)
      throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), STORY_SIGNATURE);
    if (!values.advanceExact(doc - leaf.docBase)) {
      return 1;
    }
    BytesRef other = values.binaryValue();
    return MinHashBands.estimate(other.bytes, other.offset, other.length, signature);
  }
}
