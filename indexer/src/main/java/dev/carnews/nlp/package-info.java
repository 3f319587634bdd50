/**
 * The OpenNLP pipeline: sentences, tokens, and the project's own person-name model with its
 * training and evaluation.
 */
package dev.carnews.nlp;
