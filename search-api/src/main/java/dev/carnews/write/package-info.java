/**
 * Durable article writes for the API: tag with the indexer's pipeline, write, wait for the commit.
 */
package dev.carnews.write;
