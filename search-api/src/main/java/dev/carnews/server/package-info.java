/** The server's entry point: options, wiring, and filling an empty index with the sample corpus. */
package dev.carnews.server;
