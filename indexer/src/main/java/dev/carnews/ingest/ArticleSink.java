package dev.carnews.ingest;

/** Where readers send what they found: articles, and inputs they had to skip with the reason. */
public interface ArticleSink {

  /** A well-formed article. */
  void accept(Article article);

  /**
   * An input that was skipped.
   *
   * @param location the file, and line or record where it helps ({@code feed.jsonl:12})
   * @param reason a sentence a person can act on ({@code "missing title"})
   */
  void skipped(String location, String reason);
}
