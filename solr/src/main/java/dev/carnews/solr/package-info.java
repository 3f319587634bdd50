/**
 * An Apache Solr node for the benchmarks, run in a JVM of its own: the launcher and the news
 * configset equivalent to the service's schema.
 */
package dev.carnews.solr;
