/**
 * The contract of the search side: {@link dev.carnews.search.NewsArchive}, the one interface the
 * HTTP layer calls, its requests and answers (records), its exceptions, and the decorators that
 * work on any backend ({@link dev.carnews.search.CachingNewsArchive}). It knows no backend: the
 * local Lucene index lives in {@code dev.carnews.search.lucene}, SolrCloud in {@code
 * dev.carnews.search.solr}. Cursors are opaque tokens each backend encodes and decodes itself.
 */
package dev.carnews.search;
