/**
 * The Lucene side of the service: query parsing and news ranking, filters, drill-sideways facets,
 * highlighting, spelling, suggestions and related articles, answering with plain records.
 */
package dev.carnews.search;
