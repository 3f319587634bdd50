/**
 * What every capability of the Lucene backend shares about the index: values cached per reader and
 * where each type of entity is kept.
 */
package dev.carnews.search.lucene.index;
