/** Operating the index from the API: backups of the index the service writes to. */
package dev.carnews.admin;
