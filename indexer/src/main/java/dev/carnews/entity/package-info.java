/**
 * Entities of an article: people, brands and authors, resolved to one canonical form each. Builds
 * on the person finder of {@code dev.carnews.nlp}, which knows nothing of entities.
 */
package dev.carnews.entity;
