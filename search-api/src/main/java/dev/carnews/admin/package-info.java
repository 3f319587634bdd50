/**
 * Operating the index from the API: backups of the index the service writes to, and reindexing it.
 */
package dev.carnews.admin;
