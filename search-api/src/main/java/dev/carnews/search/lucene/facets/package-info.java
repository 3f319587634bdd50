/**
 * Facet counts: drill-sideways over sorted-set doc values, spread over idle cores, and facet lists
 * with the spellings of one name merged.
 */
package dev.carnews.search.lucene.facets;
