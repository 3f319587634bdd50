package dev.carnews.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void urlIdsAreStableShortHashesIgnoringFragments() {
    String id = ArticleIds.fromUrl("https://example.org/a");

    assertTrue(id.matches("u-[0-9a-f]{16}"), id);
    assertEquals(id, ArticleIds.fromUrl(" https://example.org/a#comments "));
    assertNotEquals(id, ArticleIds.fromUrl("https://example.org/b"));
  }

  @Test
  void contentIdsIgnoreWhitespaceAndCaseButNotWords() {
    String id = ArticleIds.fromContent("A title", "Body  text");

    assertTrue(id.matches("c-[0-9a-f]{16}"), id);
    assertEquals(id, ArticleIds.fromContent("a title ", "body\ntext"));
    assertNotEquals(id, ArticleIds.fromContent("A title", "Other text"));
  }
}
