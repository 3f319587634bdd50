/** Completions of a typed prefix: entity names by recency-weighted counts, then headlines. */
package dev.carnews.search.lucene.suggest;
