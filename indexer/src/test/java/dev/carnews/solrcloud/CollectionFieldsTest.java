package dev.carnews.solrcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.junit.jupiter.api.Test;

/** Documents of a newer release written to a collection on an older configset. */
class CollectionFieldsTest {

  /** Answers the Schema API as a collection declaring {@code fields} and {@code dynamic}. */
  private static final class SchemaOnly extends SolrClient {
    private final List<String> fields;
    private final List<String> dynamic;
    private final boolean fails;

    SchemaOnly(List<String> fields, List<String> dynamic, boolean fails) {
      this.fields = fields;
      this.dynamic = dynamic;
      this.fails = fails;
    }

    @Override
    public NamedList<Object> request(SolrRequest<?> request, String collection)
        throws SolrServerException, IOException {
      if (fails) {
        throw new SolrServerException("no schema API here");
      }
      boolean isDynamic = request.getPath().endsWith("dynamicfields");
      List<SimpleOrderedMap<Object>> listed = new ArrayList<>();
      for (String name : isDynamic ? dynamic : fields) {
        SimpleOrderedMap<Object> field = new SimpleOrderedMap<>();
        field.add("name", name);
        listed.add(field);
      }
      NamedList<Object> answer = new NamedList<>();
      answer.add(isDynamic ? "dynamicFields" : "fields", listed);
      return answer;
    }

    @Override
    public void close() {}
  }

  private static SolrInputDocument article() {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField("id", "a1");
    doc.setField("title", "Kia opens a plant");
    doc.setField("person_confidence", 0.4);
    doc.setField("low_confidence_person", "Mira Strand");
    doc.setField("title_sort_s", "kia");
    return doc;
  }

  private static Set<String> names(List<SolrInputDocument> docs) {
    return new TreeSet<>(docs.get(0).getFieldNames());
  }

  @Test
  void fieldsTheSchemaDoesNotDeclareAreLeftOutAndTheRestKept() {
    CollectionFields fields =
        new CollectionFields(
            new SchemaOnly(List.of("id", "title", "person_confidence"), List.of("*_s"), false),
            "news");
    assertEquals(
        Set.of("id", "title", "person_confidence", "title_sort_s"),
        names(fields.fit(List.of(article()))));
  }

  @Test
  void aSchemaThatCannotBeReadLeavesTheDocumentsAsTheyAre() {
    CollectionFields fields =
        new CollectionFields(new SchemaOnly(List.of(), List.of(), true), "news");
    assertEquals(names(List.of(article())), names(fields.fit(List.of(article()))));
  }
}
