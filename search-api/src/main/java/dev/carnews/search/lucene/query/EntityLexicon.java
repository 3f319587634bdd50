package dev.carnews.search.lucene.query;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.views.NameLexicon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The {@link NameLexicon} of one index reader, read once from the facet doc values: every brand,
 * person and author label with how many articles name it and when the newest of them appeared.
 */
public final class EntityLexicon extends NameLexicon {

  private static final Set<String> TYPES =
      Set.of(ArticleSchema.BRAND_FACET, ArticleSchema.PERSON_FACET, ArticleSchema.AUTHOR_FACET);

  private EntityLexicon(List<Known> all) {
    super(all);
  }

  /** Reads every brand, person and author label of a reader with its count and newest date. */
  public static EntityLexicon build(IndexReader reader) throws IOException {
    Map<String, Known> merged = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedSetDocValues labels =
          DocValues.getSortedSet(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(leaf.reader(), ArticleSchema.PUBLISHED);
      Bits live = leaf.reader().getLiveDocs();
      long[] counts = new long[Math.toIntExact(labels.getValueCount())];
      long[] latest = new long[counts.length];
      Arrays.fill(latest, Long.MIN_VALUE);
      for (int doc = labels.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = labels.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        long when = published.advanceExact(doc) ? published.nextValue() : Long.MIN_VALUE;
        for (int i = 0; i < labels.docValueCount(); i++) {
          int ord = Math.toIntExact(labels.nextOrd());
          counts[ord]++;
          latest[ord] = Math.max(latest[ord], when);
        }
      }
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] == 0) {
          continue;
        }
        String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
        if (path.length != 2 || !TYPES.contains(path[0])) {
          continue;
        }
        Known known = new Known(path[0], path[1], words(path[1]), counts[ord], latest[ord]);
        merged.merge(
            path[0] + '\u001f' + path[1],
            known,
            (a, b) ->
                new Known(
                    a.type(),
                    a.label(),
                    a.key(),
                    a.count() + b.count(),
                    Math.max(a.latest(), b.latest())));
      }
    }
    return new EntityLexicon(new ArrayList<>(merged.values()));
  }
}
