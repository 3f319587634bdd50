/**
 * Versions of one article: word-shingle fingerprints, MinHash bands for finding candidates, and the
 * rule that tells a version (copy, update, correction) from a recurring report.
 */
package dev.carnews.story;
