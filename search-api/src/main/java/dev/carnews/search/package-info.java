/**
 * The search side of the service: {@link dev.carnews.search.NewsArchive}, the one interface the
 * HTTP layer calls, its records in and out, and its Lucene implementation, {@link
 * dev.carnews.search.ArticleSearcher}, composed of one class per capability: query reading, text
 * queries, ranking (recency, salience, proximity re-ranking), filters, drill-sideways facet counts
 * and label merging, hits and snippets, spelling and its fallbacks, suggestions, article detail and
 * related articles.
 */
package dev.carnews.search;
