package dev.carnews.bench;

import dev.carnews.embed.TextEmbedder;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/** How many of the exact nearest articles the HNSW graph (over int8 copies) finds, on average. */
final class VectorRecall {

  private VectorRecall() {}

  static double measure(ArticleIndex index, TopicJudgements judged, TextEmbedder embedder, int k)
      throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      double sum = 0;
      int queries = 0;
      for (TopicJudgements.Topic topic : judged.topics()) {
        for (TopicJudgements.Kind kind : TopicJudgements.Kind.values()) {
          float[] query = embedder.query(kind.of(topic));
          Set<Integer> exact = exact(searcher, query, k);
          Set<Integer> found = new HashSet<>();
          for (ScoreDoc hit :
              searcher.search(new KnnFloatVectorQuery(ArticleSchema.VECTOR, query, k), k)
                  .scoreDocs) {
            found.add(hit.doc);
          }
          found.retainAll(exact);
          sum += (double) found.size() / exact.size();
          queries++;
        }
      }
      return sum / queries;
    } finally {
      index.searchers().release(searcher);
    }
  }

  private static Set<Integer> exact(IndexSearcher searcher, float[] query, int k)
      throws IOException {
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>((a, b) -> Float.compare(a.score, b.score));
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues vectors = leaf.reader().getFloatVectorValues(ArticleSchema.VECTOR);
      if (vectors == null) {
        continue;
      }
      var live = leaf.reader().getLiveDocs();
      for (int doc = vectors.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = vectors.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        float[] v = vectors.vectorValue();
        float dot = 0;
        for (int i = 0; i < v.length; i++) {
          dot += v[i] * query[i];
        }
        best.add(new ScoreDoc(leaf.docBase + doc, dot));
        if (best.size() > k) {
          best.poll();
        }
      }
    }
    Set<Integer> docs = new HashSet<>();
    best.forEach(hit -> docs.add(hit.doc));
    return docs;
  }
}
