package dev.carnews.http;

/**
 * What {@code GET /health} answers.
 *
 * @param status {@code ok} when the index can be searched
 * @param documents how many articles are searchable
 */
public record Health(String status, long documents) {}
