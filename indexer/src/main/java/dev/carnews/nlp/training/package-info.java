/**
 * Building the person-name model and its resources: the trainer, the word clusters and the name
 * gazetteer.
 */
package dev.carnews.nlp.training;
