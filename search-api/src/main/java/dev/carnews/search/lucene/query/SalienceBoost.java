package dev.carnews.search.lucene.query;

import dev.carnews.analysis.NameKeys;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DoubleValues;

/**
 * The salience (0..1) of one entity in each article, read from the stored display names and their
 * parallel saliences. Meant to score only the articles that name the entity (wrap a term query on
 * its key), so stored fields are read for those few articles alone.
 */
public final class SalienceBoost extends PerDocumentValues {

  private final String displayField;
  private final String salienceField;
  private final String key;

  SalienceBoost(String displayField, String salienceField, String key) {
    this.displayField = Objects.requireNonNull(displayField, "displayField");
    this.salienceField = Objects.requireNonNull(salienceField, "salienceField");
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    StoredFields stored = ctx.reader().storedFields();
    Set<String> fields = Set.of(displayField, salienceField);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        Document document = stored.document(doc, fields);
        String[] names = document.getValues(displayField);
        IndexableField[] saliences = document.getFields(salienceField);
        value = 0;
        for (int i = 0; i < names.length && i < saliences.length; i++) {
          if (NameKeys.key(names[i]).equals(key)) {
            value = saliences[i].numericValue().doubleValue();
            break;
          }
        }
        return true;
      }
    };
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SalienceBoost that
        && displayField.equals(that.displayField)
        && salienceField.equals(that.salienceField)
        && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(displayField, salienceField, key);
  }

  @Override
  public String toString() {
    return "salience(" + displayField + "=" + key + ")";
  }
}
