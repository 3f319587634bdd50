package dev.carnews.entity;

/** The kinds of entity the service facets on. */
public enum EntityType {
  /** A person mentioned in the story (never the byline author). */
  PERSON,
  /** A vehicle marque, e.g. Renault. */
  BRAND,
  /** A writer of the article, cleaned from the byline. */
  AUTHOR
}
