package dev.carnews.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the service read a query, so readers and clients see why they got these results.
 *
 * @param text the words that were searched: the query itself, or the spelling correction that was
 *     searched instead
 * @param match {@code all} (every word), {@code corrected} (every word of the spelling correction),
 *     {@code fuzzy} (every word, long words within one or two typos) or {@code some} (any of the
 *     words, articles with more of them first: from the start for a plain query of three words or
 *     more or of two words that name nothing, else when no article had all of them)
 * @param brands known brands the query names; articles where they are salient rank higher
 * @param persons known people the query names (a surname is enough); ranked likewise
 * @param description one sentence for people
 * @param mode how the answer was made when the request asked for more than words: {@code semantic}
 *     (by meaning), {@code hybrid} (words and meaning fused), or {@code keyword} when it could not
 *     (the archive has no vectors); absent for a search by words
 */
public record QueryInterpretation(
    String text,
    String match,
    List<String> brands,
    List<String> persons,
    String description,
    @JsonInclude(JsonInclude.Include.NON_NULL) String mode) {

  /** The values of {@code match}. */
  public static final Set<String> MATCHES = Set.of("all", "corrected", "fuzzy", "some");

  /** Validates and copies. */
  public QueryInterpretation {
    Objects.requireNonNull(text, "text");
    if (!MATCHES.contains(match)) {
      throw new IllegalArgumentException("unknown match " + match);
    }
    Objects.requireNonNull(description, "description");
    brands = List.copyOf(brands);
    persons = List.copyOf(persons);
  }

  /** A reading of a search by words. */
  public QueryInterpretation(
      String text, String match, List<String> brands, List<String> persons, String description) {
    this(text, match, brands, persons, description, null);
  }

  /** The same reading, saying how the answer was made. */
  public QueryInterpretation withMode(SearchMode made, String sentence) {
    String said = description.isEmpty() ? sentence : description + " " + sentence;
    return new QueryInterpretation(text, match, brands, persons, said, made.label());
  }
}
