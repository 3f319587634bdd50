package dev.carnews.http;

/**
 * What {@code GET /health} answers.
 *
 * @param status {@code ok} when the index can be searched
 * @param documents how many articles are searchable
 * @param backend {@code local} or {@code solrcloud}
 * @param detail the backend's state in words (the cluster's replicas), or {@code null}
 */
public record Health(String status, long documents, String backend, String detail) {

  /** A local-index answer. */
  public Health(String status, long documents) {
    this(status, documents, "local", null);
  }
}
