/**
 * Editors' corrections of the tagger's entities (merge, alias, rename, hide, retype, undo) and the
 * automatic links, as one immutable {@link dev.carnews.curation.Curation} that maps every raw
 * entity value of an article to what the answers show.
 */
package dev.carnews.curation;
