/**
 * The archive on SolrCloud: {@link dev.carnews.search.solr.SolrNewsArchive} answers the same {@code
 * NewsArchive} contract as the local Lucene index, over the JDK-based SolrJ cloud client, so the
 * HTTP layer serves either without knowing which.
 */
package dev.carnews.search.solr;
