package dev.carnews.search.lucene.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean scorer gives every passage exactly Lucene's score, so snippets do not change. */
class LeanPassageScorerTest {

  @Test
  void scoresEveryPassageAsLuceneDoes() {
    String[] words = {"battery", "plant", "renault", "van", "electric"};
    SplittableRandom random = new SplittableRandom(7);
    PassageScorer lucene = new PassageScorer();
    PassageScorer lean = new LeanPassageScorer();
    for (int run = 0; run < 2000; run++) {
      Passage passage = new Passage();
      int start = random.nextInt(0, 5000);
      passage.setStartOffset(start);
      int matches = random.nextInt(0, 12);
      String[] matched = new String[matches];
      int[] at = new int[matches];
      int offset = start;
      for (int i = 0; i < matches; i++) {
        matched[i] = words[random.nextInt(words.length)];
        at[i] = offset;
        offset += matched[i].length() + random.nextInt(1, 40);
      }
      passage.setEndOffset(offset + 1);
      for (int i = 0; i < matches; i++) {
        // A term's frequency in the document is a property of the term.
        int inDoc = 1 + Math.floorMod(matched[i].hashCode(), 9);
        passage.addMatch(at[i], at[i] + matched[i].length(), new BytesRef(matched[i]), inDoc);
      }
      int contentLength = offset + random.nextInt(1, 3000);
      assertEquals(
          lucene.score(passage, contentLength),
          lean.score(passage, contentLength),
          0f,
          "run " + run);
    }
  }
}
