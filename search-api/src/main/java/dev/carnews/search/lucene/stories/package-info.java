/**
 * Stories: an article with its versions (oldest first, what changed), the detail of one article in
 * its story, and {@code collapse=story} (one hit per story).
 */
package dev.carnews.search.lucene.stories;
