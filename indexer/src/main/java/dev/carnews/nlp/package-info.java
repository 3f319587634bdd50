/**
 * The OpenNLP pipeline at run time: sentences, tokens, and the project's own person-name model with
 * the feature generators its descriptor names. Training lives in {@code nlp.training}, scoring in
 * {@code dev.carnews.evaluation}; neither is needed to tag.
 */
package dev.carnews.nlp;
