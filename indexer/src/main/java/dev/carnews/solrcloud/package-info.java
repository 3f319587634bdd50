/**
 * SolrCloud as the archive's store: a cloud client on the JDK's HTTP client (never Solr's Jetty
 * one), the mapping of tagged articles to Solr documents and back, batched writes with retries, and
 * the collection's creation from the configset in the analyzers jar.
 */
package dev.carnews.solrcloud;
