/**
 * The Lucene side of the service: query parsing, filters, drill-sideways facets, highlighting and
 * related articles, answering with plain records.
 */
package dev.carnews.search;
