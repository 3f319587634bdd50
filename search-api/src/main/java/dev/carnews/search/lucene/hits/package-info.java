/** A page of hits read from the index: one stored read per hit, highlighted snippets. */
package dev.carnews.search.lucene.hits;
