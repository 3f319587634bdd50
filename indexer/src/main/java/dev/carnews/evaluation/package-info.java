/**
 * Scoring the pipeline against gold data (person spans and sets, entities, HTML bodies, story
 * pairs) and measuring tagging speed; used by the evaluation and benchmark verbs, never at run
 * time.
 */
package dev.carnews.evaluation;
