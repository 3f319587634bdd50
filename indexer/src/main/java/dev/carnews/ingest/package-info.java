/**
 * Reading articles from JSON Lines, HTML pages and page-text dumps into {@link
 * dev.carnews.ingest.Article} records.
 */
package dev.carnews.ingest;
