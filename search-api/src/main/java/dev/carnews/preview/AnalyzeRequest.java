package dev.carnews.preview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A text to preview the entities of.
 *
 * @param title the headline, or {@code null} when there is none
 * @param text the story; offsets of the answer point into it
 * @param authors byline names given by the client (never people of the story); may be empty
 */
public record AnalyzeRequest(String title, String text, List<String> authors) {

  /** The longest text accepted, in characters. */
  public static final int MAX_TEXT_LENGTH = 200_000;

  /** The longest title accepted, in characters. */
  public static final int MAX_TITLE_LENGTH = 1_000;

  /** The most byline names accepted. */
  public static final int MAX_AUTHORS = 20;

  /** Validates the fields; the messages are shown to API clients as they are. */
  public AnalyzeRequest {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is required");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new TooLongException("text must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    if (title != null && title.isBlank()) {
      title = null;
    }
    if (title != null && title.length() > MAX_TITLE_LENGTH) {
      throw new TooLongException("title must be at most " + MAX_TITLE_LENGTH + " characters");
    }
    authors =
        Objects.requireNonNullElse(authors, List.<String>of()).stream()
            .filter(Objects::nonNull)
            .filter(name -> !name.isBlank())
            .toList();
    if (authors.size() > MAX_AUTHORS) {
      throw new IllegalArgumentException("authors may list at most " + MAX_AUTHORS + " names");
    }
  }

  /** The title, when one was sent. */
  public Optional<String> titleText() {
    return Optional.ofNullable(title);
  }

  /** A request whose title or text is longer than the service accepts. */
  public static final class TooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A refusal with the message the client gets. */
    public TooLongException(String message) {
      super(message);
    }
  }
}
