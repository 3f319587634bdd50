package dev.carnews.search.lucene.hits;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.search.SearchHit;
import dev.carnews.search.views.ArticleViews;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Turns a page of matches into hits: each article's stored fields are read once (they are
 * compressed in blocks, so every read costs a decompression), and title and body are highlighted
 * from that text, the whole page at once per field: with the offsets in the postings, or by
 * re-analysing the text in an older index whose postings carry none.
 */
public final class HitReader {

  /** The stored fields a hit without its body shows. */
  public static final Set<String> HIT_FIELDS =
      Set.of(ID, URL, TITLE, AUTHOR, PUBLISHED, BRAND, PERSON);

  private static final Set<String> HIT_AND_BODY_FIELDS =
      Set.of(ID, URL, TITLE, AUTHOR, PUBLISHED, BRAND, PERSON, BODY);

  private static final int SNIPPET_PASSAGES = 2;
  private static final int PASSAGE_LENGTH = 160;

  private final Analyzer textAnalyzer;

  /** Highlights the body's best passages (two sentences or so): from postings, by analysis. */
  private final PageHighlighter bodyFromPostings;

  private final PageHighlighter bodyByAnalysis;

  /** Highlights the whole title: from postings, by analysis. */
  private final PageHighlighter titleFromPostings;

  private final PageHighlighter titleByAnalysis;

  /** Hits highlighted with the index-time analysis of title and body. */
  public HitReader(Analyzer textAnalyzer) {
    this.textAnalyzer = textAnalyzer;
    this.bodyFromPostings = highlighter(sentences(), OffsetSource.POSTINGS);
    this.bodyByAnalysis = highlighter(sentences(), OffsetSource.ANALYSIS);
    this.titleFromPostings = highlighter(WholeBreakIterator::new, OffsetSource.POSTINGS);
    this.titleByAnalysis = highlighter(WholeBreakIterator::new, OffsetSource.ANALYSIS);
  }

  /** The hits of a page; {@code text} marks the matched words, {@code null} for a browse. */
  public List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] page, Query text)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Document> docs = new ArrayList<>(page.length);
    List<String> titles = new ArrayList<>(page.length);
    List<String> bodies = new ArrayList<>(page.length);
    for (ScoreDoc scoreDoc : page) {
      Document doc = stored.document(scoreDoc.doc, HIT_AND_BODY_FIELDS);
      docs.add(doc);
      titles.add(doc.get(TITLE));
      bodies.add(doc.get(BODY));
    }
    IndexReader reader = searcher.getIndexReader();
    // Each hit's matches found once, for its body and its title alike.
    PageHighlighter.HitMatches matches = new PageHighlighter.HitMatches();
    Object[] snippets =
        highlightAll(
            PageHighlighter.hasOffsets(reader, BODY) ? bodyFromPostings : bodyByAnalysis,
            BODY,
            text,
            reader,
            page,
            bodies,
            SNIPPET_PASSAGES,
            matches);
    Object[] titleHtmls =
        highlightAll(
            PageHighlighter.hasOffsets(reader, TITLE) ? titleFromPostings : titleByAnalysis,
            TITLE,
            text,
            reader,
            page,
            titles,
            1,
            matches);
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < docs.size(); i++) {
      Document doc = docs.get(i);
      String snippet =
          snippets[i] == null ? ArticleViews.lead(bodies.get(i)) : snippets[i].toString();
      String titleHtml =
          titleHtmls[i] == null ? ArticleViews.escape(titles.get(i)) : titleHtmls[i].toString();
      List<String> authors = List.of(doc.getValues(AUTHOR));
      hits.add(
          new SearchHit(
              doc.get(ID),
              doc.get(URL),
              titles.get(i),
              titleHtml,
              authors.isEmpty() ? null : authors.get(0),
              authors,
              published(doc),
              List.of(doc.getValues(BRAND)),
              List.of(doc.getValues(PERSON)),
              snippet));
    }
    return hits;
  }

  /** The stored publication time of an article, or {@code null} when it has none. */
  public static Instant published(Document doc) {
    IndexableField field = doc.getField(PUBLISHED);
    return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
  }

  /** The highlighted passages of each stored text; all null for a browse ({@code text} null). */
  private static Object[] highlightAll(
      PageHighlighter highlighter,
      String field,
      Query text,
      IndexReader reader,
      ScoreDoc[] page,
      List<String> contents,
      int passages,
      PageHighlighter.HitMatches matches)
      throws IOException {
    return text == null
        ? new Object[contents.size()]
        : highlighter.highlightAll(field, text, reader, page, contents, passages, matches);
  }

  private PageHighlighter highlighter(Supplier<BreakIterator> passages, OffsetSource offsets) {
    return new PageHighlighter(
        UnifiedHighlighter.builderWithoutSearcher(textAnalyzer)
            .withFormatter(new Snippets())
            .withMaxNoHighlightPassages(0)
            .withScorer(new LeanPassageScorer())
            .withBreakIterator(passages),
        offsets);
  }

  private static Supplier<BreakIterator> sentences() {
    return () ->
        LengthGoalBreakIterator.createClosestToLength(
            new ForwardBreaks(BreakIterator.getSentenceInstance(Locale.ROOT)),
            PASSAGE_LENGTH,
            0.5f);
  }
}
