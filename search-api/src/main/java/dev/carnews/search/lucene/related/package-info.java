/**
 * Related articles for editors: more-like-this over title and body, and the entities they share.
 */
package dev.carnews.search.lucene.related;
