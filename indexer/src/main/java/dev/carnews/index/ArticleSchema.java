package dev.carnews.index;

import dev.carnews.analysis.NewsAnalyzers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;

/**
 * The one schema of the news index: every field name, how it is indexed, the analyzers and the
 * {@link FacetsConfig}. The writer and the searcher both take everything from here, so indexing and
 * searching can never disagree.
 */
public final class ArticleSchema {

  /** Unique article key: {@code KeywordField}, stored; every write is an update by this term. */
  public static final String ID = "id";

  /** Canonical link to the article: stored only, never searched. */
  public static final String URL = "url";

  /**
   * Headline: analyzed with {@link NewsAnalyzers#text()}, positions in postings (phrases), stored
   * for display, highlighting (re-analyzed) and {@code MoreLikeThis}.
   */
  public static final String TITLE = "title";

  /** Story text: analyzed like {@link #TITLE}, positions in postings, stored for snippets. */
  public static final String BODY = "body";

  /** Brand display names ("Renault"), stored in salience order; multi-valued. */
  public static final String BRAND = "brand";

  /**
   * Folded brand keys ({@code NameKeys.key}): {@code KeywordField} for case/accent-free filters.
   */
  public static final String BRAND_KEY = "brand_key";

  /** Mentions per brand, stored parallel to {@link #BRAND} so the API can show them. */
  public static final String BRAND_MENTIONS = "brand_mentions";

  /** Salience per brand (0..1), stored parallel to {@link #BRAND}. */
  public static final String BRAND_SALIENCE = "brand_salience";

  /**
   * Salience of each brand for ranking: a {@code FeatureField} whose feature is the folded brand
   * key and whose value is the salience, so a query naming a brand scores articles by how much they
   * are about it from the postings, without reading stored fields.
   */
  public static final String BRAND_SALIENCE_RANK = "brand_salience_rank";

  /** Person display names ("François Provost"), stored in salience order; multi-valued. */
  public static final String PERSON = "person";

  /** Folded person keys: {@code KeywordField}, so "Francois Provost" finds "François Provost". */
  public static final String PERSON_KEY = "person_key";

  /** Mentions per person, stored parallel to {@link #PERSON}. */
  public static final String PERSON_MENTIONS = "person_mentions";

  /** Salience per person (0..1), stored parallel to {@link #PERSON}. */
  public static final String PERSON_SALIENCE = "person_salience";

  /** Salience of each person for ranking, like {@link #BRAND_SALIENCE_RANK}. */
  public static final String PERSON_SALIENCE_RANK = "person_salience_rank";

  /**
   * The salience from which an article counts as <em>about</em> an entity, not merely mentioning
   * it: a title mention with a few more, or a lead mention of the most named one.
   */
  public static final double ABOUT_MIN_SALIENCE = 0.5;

  /**
   * Folded keys of the brands the article is about (salience at least {@link #ABOUT_MIN_SALIENCE}):
   * {@code KeywordField}, not stored, for {@code about=brand:...} filters.
   */
  public static final String ABOUT_BRAND_KEY = "about_brand_key";

  /**
   * Folded keys of the people the article is about (salience at least {@link #ABOUT_MIN_SALIENCE}):
   * {@code KeywordField}, not stored, for {@code about=person:...} filters.
   */
  public static final String ABOUT_PERSON_KEY = "about_person_key";

  /**
   * Marks an article whose shown entities differ from the tagger's because of a curation decision:
   * {@code KeywordField} ("1"); only such articles carry the {@code raw_*} fields below.
   */
  public static final String CURATED = "curated";

  /** The tagger's person names of a curated article, stored in its order; multi-valued. */
  public static final String RAW_PERSON = "raw_person";

  /** Mentions per raw person, stored parallel to {@link #RAW_PERSON}. */
  public static final String RAW_PERSON_MENTIONS = "raw_person_mentions";

  /** Salience per raw person, stored parallel to {@link #RAW_PERSON}. */
  public static final String RAW_PERSON_SALIENCE = "raw_person_salience";

  /**
   * Folded keys of the raw persons: {@code KeywordField}, so a decision finds the articles whose
   * tagger value it changes even after an earlier decision renamed them.
   */
  public static final String RAW_PERSON_KEY = "raw_person_key";

  /** The tagger's brand names of a curated article, stored in its order; multi-valued. */
  public static final String RAW_BRAND = "raw_brand";

  /** Mentions per raw brand, stored parallel to {@link #RAW_BRAND}. */
  public static final String RAW_BRAND_MENTIONS = "raw_brand_mentions";

  /** Salience per raw brand, stored parallel to {@link #RAW_BRAND}. */
  public static final String RAW_BRAND_SALIENCE = "raw_brand_salience";

  /**
   * The name model's confidence in each of the tagger's persons (0..1, its highest probability
   * among the person's mentions), stored parallel to the tagger's persons: {@link #PERSON} of an
   * uncurated article, {@link #RAW_PERSON} of a curated one. Absent in articles tagged without the
   * model or written before it was kept; indexes without it keep working.
   */
  public static final String PERSON_CONFIDENCE = "person_confidence";

  /**
   * The tagger's persons the name model was unsure of (confidence below {@link #LOW_CONFIDENCE}),
   * as written: {@code KeywordField}, so the editors' candidates count them per value from the
   * terms alone.
   */
  public static final String LOW_CONFIDENCE_PERSON = "low_confidence_person";

  /**
   * Below this confidence a person is worth an editor's look: kept by a rule (a title before it, a
   * list of names, a name repeated) more than by the model.
   */
  public static final double LOW_CONFIDENCE = 0.5;

  /** Folded keys of the raw brands, like {@link #RAW_PERSON_KEY}. */
  public static final String RAW_BRAND_KEY = "raw_brand_key";

  /** Cleaned author names, stored in byline order; multi-valued. */
  public static final String AUTHOR = "author";

  /** Folded author keys: {@code KeywordField} for case/accent-free filters. */
  public static final String AUTHOR_KEY = "author_key";

  /**
   * Publication time in epoch milliseconds: {@code LongField} (points for ranges, doc values for
   * sorting and recency) plus a stored copy; absent when the date is unknown.
   */
  public static final String PUBLISHED = "published";

  /**
   * The article's meaning, a unit vector of the embedding model ({@code KnnFloatVectorField}, dot
   * product, an HNSW graph over int8-quantised copies for search by meaning); absent when the
   * article was indexed without vectors.
   */
  public static final String VECTOR = "vector";

  /** Site section: {@code KeywordField}, stored, for exact filters later. */
  public static final String SECTION = "section";

  /** CMS tags: {@code KeywordField}, stored; multi-valued. */
  public static final String TAGS = "tags";

  /**
   * The story an article belongs to: the id of the story's first article (earliest published, then
   * smallest id). {@code StringField}, stored, to find a story's versions, plus sorted doc values
   * to collapse search hits by story. Absent in indexes built before stories (each article is then
   * its own story).
   */
  public static final String STORY = "story";

  /**
   * The article's MinHash LSH band terms ({@code dev.carnews.story.MinHashBands}): indexed, docs
   * only, not stored; one query over them finds the candidate versions of a new article.
   */
  public static final String STORY_BAND = "story_band";

  /**
   * The article's MinHash signature ({@code MinHashBands.Fingerprint#signature}, 128 bytes): binary
   * doc values, so a write skips candidates whose estimated similarity is too low before reading
   * their stored text.
   */
  public static final String STORY_SIGNATURE = "story_sig";

  /** Facet dimension of brands (display form), counted with sorted-set doc values. */
  public static final String BRAND_FACET = "brand";

  /** Facet dimension of people (display form). */
  public static final String PERSON_FACET = "person";

  /** Facet dimension of authors (display form). */
  public static final String AUTHOR_FACET = "author";

  /** Facet dimension of publication months ({@code yyyy-MM}, UTC); absent for unknown dates. */
  public static final String MONTH_FACET = "month";

  /** Month labels of {@link #MONTH_FACET}: sortable as text, so text order is time order. */
  public static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Title and body: tokenized, positions and offsets in postings (phrases, proximity, snippets),
   * stored. The highlighter reads a hit's matches and their offsets from the postings instead of
   * re-analysing its stored text, which was half of a search's work (issue 25); the offsets cost
   * about a quarter of the raw text's size on disk.
   */
  public static final FieldType TEXT_TYPE =
      textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * Title and body as indexes written between November 2026 and issue 25 have them, without
   * offsets: a field's index options cannot change within an index, so writes to such an index keep
   * them, and its snippets come from re-analysing the stored text (a reindex gives it offsets).
   */
  public static final FieldType TEXT_TYPE_WITHOUT_OFFSETS =
      textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  private static final FacetsConfig FACETS = buildFacetsConfig();

  private ArticleSchema() {}

  /**
   * The facets configuration shared by writer and searcher (brand, person, author multi-valued).
   */
  public static FacetsConfig facetsConfig() {
    return FACETS;
  }

  private static FacetsConfig buildFacetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(BRAND_FACET, true);
    config.setMultiValued(PERSON_FACET, true);
    config.setMultiValued(AUTHOR_FACET, true);
    config.setMultiValued(MONTH_FACET, false);
    return config;
  }

  /**
   * The analyzer of the whole document: {@link NewsAnalyzers#text()} for title and body, the whole
   * value as one token for every other field. Used by the writer and by query parsing.
   */
  public static Analyzer analyzer() {
    Analyzer text = NewsAnalyzers.text();
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TITLE, text, BODY, text));
  }

  /**
   * The analyzer for parsing a reader's query on title and body: the index analysis plus car-domain
   * synonyms (EV = electric vehicle), which belong at query time only.
   */
  public static Analyzer queryAnalyzer() {
    return NewsAnalyzers.textQuery();
  }

  /** Newest first, unknown dates last: the index sort and the {@code newest} query sort. */
  public static Sort newestFirst() {
    return new Sort(publishedSortField(true));
  }

  /** Oldest first, unknown dates last. */
  public static Sort oldestFirst() {
    return new Sort(publishedSortField(false));
  }

  /** The sort field on {@link #PUBLISHED}; unknown dates sort last in both directions. */
  public static SortField publishedSortField(boolean newestFirst) {
    SortField field =
        LongField.newSortField(PUBLISHED, newestFirst, SortedNumericSelector.Type.MIN);
    field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    return field;
  }

  /** The month facet label of a publication time. */
  public static String monthOf(Instant published) {
    return MONTH.format(published);
  }

  /** The codec of new segments: {@link NewsCodec} (DEFLATE-compressed stored fields). */
  public static Codec codec() {
    return new NewsCodec();
  }

  private static FieldType textType(IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }
}
