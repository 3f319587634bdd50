/**
 * Meaning as vectors: a small sentence-embedding model run inside the JVM (ONNX, from the jar, no
 * network), the text of an article it reads, and the vectors the index keeps for search by meaning.
 */
package dev.carnews.embed;
