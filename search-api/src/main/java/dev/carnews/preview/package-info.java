/**
 * Entity previews for editors: the indexer's entity pipeline run on a text that is not indexed,
 * with offsets into the text as sent.
 */
package dev.carnews.preview;
