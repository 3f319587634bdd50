/**
 * What both backends answer with, built one way: an article detail from a tagged article, escaped
 * text and leads, the binomial significance of an entity in a set of articles, and the orders and
 * cuts of the entity views (directory pages, associated entities, timelines, significant entities).
 */
package dev.carnews.search.views;
