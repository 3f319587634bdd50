/**
 * The Solr configset of the news archive, shipped in the analyzers jar beside the analysis
 * factories it names, so the jar that loads into Solr and the configset that uses it never drift
 * apart.
 */
package dev.carnews.solrconfig;
