package dev.carnews.search.lucene.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SegmentCacheTest {

  @Test
  void aSegmentIsReadOnceThroughDeletionsAndForgottenWhenClosed() throws IOException {
    AtomicInteger builds = new AtomicInteger();
    SegmentCache<Integer> sizes =
        new SegmentCache<>(
            segment -> {
              builds.incrementAndGet();
              return segment.maxDoc();
            });
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(
                directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      writer.addDocument(doc("a"));
      writer.addDocument(doc("b"));
      writer.commit();
      DirectoryReader first = DirectoryReader.open(writer);
      LeafReader old = first.leaves().get(0).reader();
      assertEquals(2, sizes.get(old));
      assertSame(sizes.get(old), sizes.get(old));
      assertEquals(1, builds.get());

      // A deletion and a new segment: only the new segment is read.
      writer.deleteDocuments(new Term("id", "a"));
      writer.addDocument(doc("c"));
      DirectoryReader second = DirectoryReader.openIfChanged(first, writer);
      for (var leaf : second.leaves()) {
        sizes.get(leaf.reader());
      }
      assertEquals(2, builds.get());
      assertEquals(2, sizes.size());

      writer.close(); // the writer keeps the segments it wrote open for its next readers
      first.close();
      assertEquals(2, sizes.size(), "the old segment is still open in the second reader");
      second.close();
      assertEquals(0, sizes.size());
    }
  }

  private static Document doc(String id) {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.NO));
    return doc;
  }
}
