/**
 * The Javalin side of the service: routes, parameter parsing, JSON and the one error shape. No
 * Lucene types here: handlers see only the searcher's records.
 */
package dev.carnews.http;
