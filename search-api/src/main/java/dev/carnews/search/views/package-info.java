/**
 * What both backends answer with, built one way: an article detail from a tagged article, escaped
 * text and leads, and the binomial significance of an entity in a set of articles.
 */
package dev.carnews.search.views;
