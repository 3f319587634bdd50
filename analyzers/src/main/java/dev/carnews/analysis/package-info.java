/**
 * Lucene analyzers for news text, names, car model codes and autocomplete, built by {@link
 * dev.carnews.analysis.NewsAnalyzers}; depends on Lucene only, so the jar also loads inside Solr.
 */
package dev.carnews.analysis;
