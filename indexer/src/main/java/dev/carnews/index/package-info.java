/** The Lucene index: one schema, the document mapping and the single writer. */
package dev.carnews.index;
