package dev.carnews.search.lucene.hits;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage scoring (BM25 over the passage's matches, a norm favouring early
 * passages) with the same arithmetic in the same order, without a {@code BytesRefHash} per passage:
 * Lucene builds one (and its 32 KB block) for every candidate passage of every hit, which was 3-4%
 * of a first-time search. A passage holds a handful of distinct terms, found by a scan.
 */
final class LeanPassageScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] matchTerms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    List<BytesRef> terms = new ArrayList<>(matches);
    int[] inPassage = new int[matches];
    int[] inDoc = new int[matches];
    for (int i = 0; i < matches; i++) {
      int term = terms.indexOf(matchTerms[i]);
      if (term < 0) {
        term = terms.size();
        terms.add(matchTerms[i]);
        inDoc[term] = freqsInDoc[i];
      }
      inPassage[term]++;
    }
    double score = 0;
    for (int term = 0; term < terms.size(); term++) {
      score += tf(inPassage[term], passage.getLength()) * weight(contentLength, inDoc[term]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
