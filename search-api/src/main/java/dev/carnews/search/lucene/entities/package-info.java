/**
 * Entity views: the directory of every person, brand and author (slot counts over doc values per
 * reader), entity pages, the sorted and paged directory, trending and significant entities.
 */
package dev.carnews.search.lucene.entities;
