/**
 * What both backends answer with, built one way: an article detail from a tagged article, escaped
 * text and leads, the binomial significance of an entity in a set of articles, and the orders and
 * cuts of the entity views (directory pages, associated entities, timelines, significant entities),
 * and how a query's words must match.
 */
package dev.carnews.search.views;
