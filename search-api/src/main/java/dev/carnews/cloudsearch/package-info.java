/**
 * The archive on SolrCloud: {@link dev.carnews.cloudsearch.SolrNewsArchive} answers the same {@link
 * dev.carnews.search.NewsArchive} contract as the local Lucene index, over the JDK-based SolrJ
 * cloud client, so the HTTP layer serves either without knowing which.
 */
package dev.carnews.cloudsearch;
