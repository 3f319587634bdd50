package dev.carnews.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.entity.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A curation as one JSON text, {@code {"decisions": [...], "automatic": [...]}}: how it is kept in
 * the index commit (and in a SolrCloud document), so it is durable with the articles it rewrote.
 */
public final class CurationCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CurationCodec() {}

  /** The JSON text of a curation. */
  public static String encode(Curation curation) {
    ObjectNode root = JSON.createObjectNode();
    root.set("decisions", array(curation.log()));
    root.set("automatic", array(curation.automatic()));
    return root.toString();
  }

  /**
   * The curation of a JSON text written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the text is not one
   */
  public static Curation decode(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      return Curation.of(decisions(root.path("decisions")), decisions(root.path("automatic")));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the stored curation cannot be read: " + e.getMessage(), e);
    }
  }

  private static ArrayNode array(List<Decision> decisions) {
    ArrayNode array = JSON.createArrayNode();
    for (Decision decision : decisions) {
      ObjectNode node = array.addObject();
      node.put("id", decision.id());
      node.put("kind", decision.kind().label());
      node.put("type", decision.type().label());
      node.put("value", decision.value());
      if (decision.target() != null) {
        node.put("target", decision.target());
      }
      node.put("who", decision.who());
      node.put("when", decision.when().toString());
      node.put("note", decision.note());
      node.put("source", decision.source().label());
    }
    return array;
  }

  private static List<Decision> decisions(JsonNode array) {
    List<Decision> decisions = new ArrayList<>();
    for (JsonNode node : array) {
      JsonNode target = node.get("target");
      decisions.add(
          new Decision(
              node.get("id").asText(),
              DecisionKind.parse(node.get("kind").asText()),
              EntityType.parse(node.get("type").asText()),
              node.get("value").asText(),
              target == null || target.isNull() ? null : target.asText(),
              node.get("who").asText(),
              Instant.parse(node.get("when").asText()),
              node.path("note").asText(""),
              Decision.Source.parse(node.get("source").asText())));
    }
    return decisions;
  }
}
