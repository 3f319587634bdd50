/**
 * The archive on a local Lucene index: {@link dev.carnews.search.lucene.LuceneNewsArchive} composes
 * one class per capability from the packages below it in the order of a request's path: query
 * reading and text queries ({@code query}), drill-sideways facet counts and label merging ({@code
 * facets}), hits and snippets ({@code hits}), stories and article detail ({@code stories}), related
 * articles ({@code related}), suggestions ({@code suggest}) and entity pages, directory and trends
 * ({@code entities}). {@code index} holds what they share about the index itself.
 */
package dev.carnews.search.lucene;
