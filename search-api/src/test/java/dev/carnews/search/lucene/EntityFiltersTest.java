package dev.carnews.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.search.About;
import dev.carnews.search.FacetValue;
import dev.carnews.search.Fixtures;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.TagsEntityTagger;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: one facet value per person across the index (forms of a name merged), and {@code about}
 * filters that keep only the articles an entity is central to. Salience comes from the tag order of
 * {@link TagsEntityTagger}: 1, 1/2, 1/3, ...
 */
class EntityFiltersTest {

  private static ArticleIndex index;
  private static LuceneNewsArchive searcher;

  @BeforeAll
  static void build() throws IOException {
    index = ArticleIndex.open(new ByteBuffersDirectory());
    TagsEntityTagger tagger = new TagsEntityTagger();
    for (Article article :
        List.of(
            article("p1", "brand:Renault", "person:François Provost"),
            article("p2", "person:François Provost", "brand:Renault"),
            article(
                "p3", "brand:Dacia", "brand:Nissan", "brand:Renault", "person:François Provost"),
            article("p4", "person:Francois Provost"),
            article("p5", "person:Mara Lind", "person:Francois Provost"),
            article("p6", "brand:Nissan", "person:Mara Lind"))) {
      index.write(tagger.tag(article));
    }
    index.commit();
    searcher = new LuceneNewsArchive(index);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void personFacetMergesFormsOfOneNameUnderItsMostCommonForm() throws IOException {
    List<FacetValue> persons = searcher.search(SearchRequest.of("")).facets().get("person");
    assertEquals(
        List.of(new FacetValue("François Provost", 5), new FacetValue("Mara Lind", 2)), persons);
  }

  @Test
  void filterByEitherFormFindsEveryArticleOfThePerson() throws IOException {
    for (String form : List.of("Francois Provost", "François Provost", "FRANCOIS PROVOST")) {
      SearchResponse response = searcher.search(SearchRequest.of("").withPersons(List.of(form)));
      assertEquals(5, response.total(), form);
    }
  }

  @Test
  void aboutKeepsOnlyArticlesTheEntityIsCentralTo() throws IOException {
    // Named in five articles, salient (>= 0.5) only where tagged first or second.
    assertEquals(
        List.of("p1", "p2", "p4", "p5"), ids(about(About.parse("person:francois provost"))));
    assertEquals(List.of("p1", "p2"), ids(about(About.parse("brand:Renault"))));
    assertEquals(
        List.of("p1", "p2", "p3"),
        ids(searcher.search(SearchRequest.of("").withBrands(List.of("Renault")))));
  }

  @Test
  void aboutValuesAreAnded() throws IOException {
    assertEquals(
        List.of("p5"),
        ids(about(About.parse("person:Mara Lind"), About.parse("person:François Provost"))));
    assertEquals(List.of(), ids(about(About.parse("brand:Nissan"), About.parse("brand:Renault"))));
  }

  @Test
  void aboutNeedsAKindAndAName() {
    assertThrows(IllegalArgumentException.class, () -> About.parse("Renault"));
    assertThrows(IllegalArgumentException.class, () -> About.parse("model:Clio"));
    assertThrows(IllegalArgumentException.class, () -> About.parse("brand: "));
    assertEquals(new About(About.Kind.PERSON, "Mara Lind"), About.parse(" PERSON : Mara Lind "));
  }

  private static SearchResponse about(About... about) throws IOException {
    return searcher.search(SearchRequest.of("").withAbout(List.of(about)));
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(SearchHit::id).sorted().toList();
  }

  private static Article article(String id, String... tags) {
    return Fixtures.article(
        id,
        "Title of " + id,
        "Body of " + id + ".",
        "Jane Doe",
        "2025-07-0" + id.charAt(1) + "T00:00:00Z",
        tags);
  }
}
