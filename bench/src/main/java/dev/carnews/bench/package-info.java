/**
 * The benchmark suite: a corpus generator at any scale, ingest (full entity tagging and Lucene-only
 * indexing), the seeded search mix in-process, over HTTP and on raw Lucene, and resources (heap,
 * startup). Run it with {@code java -cp search-api/target/search-api.jar
 * dev.carnews.bench.BenchCli}; nothing it generates is written outside the folders it is given.
 */
package dev.carnews.bench;
