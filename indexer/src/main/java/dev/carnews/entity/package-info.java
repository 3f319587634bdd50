/** Entities of an article: people, brands and authors, resolved to one canonical form each. */
package dev.carnews.entity;
