/**
 * From a request to a ranked Lucene query and its run: the brands and people the words name, text
 * queries (words, phrases, fuzzy, any word), ranking (salience, recency), filters, spelling
 * fallbacks, query limits and the deep-paging cursor.
 */
package dev.carnews.search.lucene.query;
