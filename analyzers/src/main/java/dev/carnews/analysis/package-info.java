/** Lucene analyzers for news text, names, car model codes and autocomplete. */
package dev.carnews.analysis;
