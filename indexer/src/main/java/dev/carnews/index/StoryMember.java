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
import java.util.Comparator;
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

/**
 * One article version as {@link StoryKeeper} sees it: read from the index or from the overlay of
 * writes not refreshed yet.
 *
 * @param id the article id
 * @param published the publication time, or {@code null} when unknown (or not read)
 * @param story its story, or {@code null} when it has none
 * @param doc the stored document when {@code inIndex}, else the document written
 * @param text its fingerprinted text, or {@code null} when only its story was read
 * @param inIndex whether it was read from the index
 */
record StoryMember(
    String id, Instant published, String story, Document doc, StoryText text, boolean inIndex) {

  /** The stored fields a candidate version is compared by. */
  static final Set<String> TEXT_FIELDS = Set.of(ID, TITLE, BODY, PUBLISHED, STORY);

  /** Orders a story's members: earliest published first (unknown dates last), then by id. */
  static final Comparator<StoryMember> FIRST =
      Comparator.comparing(
              StoryMember::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(StoryMember::id);

  /** A member read from the index: {@code fields} of it, or all when {@code null}. */
  static StoryMember stored(IndexSearcher searcher, int doc, Set<String> fields)
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
    return new StoryMember(id, when, stored.get(STORY), stored, text, true);
  }

  /** A member from the overlay. */
  static StoryMember fromOverlay(StoryOverlay.Entry<Document> entry) {
    return new StoryMember(
        entry.id(), entry.text().published(), entry.story(), entry.doc(), entry.text(), false);
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
