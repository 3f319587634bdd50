package dev.carnews.search.lucene.facets;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues.MultiSortedSetDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The facet state of one reader with every facet label read once, when the reader opens: the
 * counts' label look-ups ({@code lookupOrd} for the top values, {@code lookupTerm} for the other
 * spellings of a name) then read an array instead of decompressing a block of the doc-values terms
 * dictionary each (issue 12: two thirds of the facet lists' time). Counting is unchanged; it reads
 * the segments' own doc values.
 */
public final class LabelCachingState extends DefaultSortedSetDocValuesReaderState {

  /**
   * Per segment, every label by segment ordinal, in ordinal (byte) order; null while the superclass
   * builds.
   */
  private final BytesRef[][] labels;

  LabelCachingState(IndexReader reader, FacetsConfig config) throws IOException {
    super(reader, config);
    List<LeafReaderContext> leaves = reader.leaves();
    BytesRef[][] read = new BytesRef[leaves.size()][];
    for (int i = 0; i < read.length; i++) {
      SortedSetDocValues values = leaves.get(i).reader().getSortedSetDocValues(getField());
      read[i] = new BytesRef[values == null ? 0 : Math.toIntExact(values.getValueCount())];
      for (int ord = 0; ord < read[i].length; ord++) {
        read[i][ord] = BytesRef.deepCopyOf(values.lookupOrd(ord));
      }
    }
    this.labels = read;
  }

  /**
   * The superclass's top-level doc values with each segment's label look-ups cached; still a {@link
   * MultiSortedSetDocValues} over several segments, whose ordinal map the counting reads.
   */
  @Override
  public SortedSetDocValues getDocValues() throws IOException {
    SortedSetDocValues values = super.getDocValues();
    if (labels == null || values == null) {
      return values;
    }
    if (values instanceof MultiSortedSetDocValues multi) {
      SortedSetDocValues[] cached = new SortedSetDocValues[multi.values.length];
      for (int i = 0; i < cached.length; i++) {
        cached[i] = new CachedLabels(multi.values[i], labels[i]);
      }
      return new MultiSortedSetDocValues(cached, multi.docStarts, multi.mapping, multi.cost());
    }
    return labels.length == 1 ? new CachedLabels(values, labels[0]) : values;
  }

  /** Doc values whose label look-ups read the cached labels; everything else is delegated. */
  private static final class CachedLabels extends SortedSetDocValues {
    private final SortedSetDocValues in;
    private final BytesRef[] labels;

    CachedLabels(SortedSetDocValues in, BytesRef[] labels) {
      this.in = in;
      this.labels = labels;
    }

    @Override
    public BytesRef lookupOrd(long ord) {
      return labels[Math.toIntExact(ord)];
    }

    @Override
    public long lookupTerm(BytesRef key) {
      return Arrays.binarySearch(labels, key);
    }

    @Override
    public long getValueCount() {
      return labels.length;
    }

    @Override
    public long nextOrd() throws IOException {
      return in.nextOrd();
    }

    @Override
    public int docValueCount() {
      return in.docValueCount();
    }

    @Override
    public boolean advanceExact(int target) throws IOException {
      return in.advanceExact(target);
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public int nextDoc() throws IOException {
      return in.nextDoc();
    }

    @Override
    public int advance(int target) throws IOException {
      return in.advance(target);
    }

    @Override
    public long cost() {
      return in.cost();
    }

    @Override
    public TermsEnum termsEnum() throws IOException {
      return in.termsEnum();
    }
  }
}
