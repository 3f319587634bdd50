/** The indexer command line. */
package dev.carnews.cli;
