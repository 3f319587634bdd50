package dev.carnews.entity;

import java.util.List;
import java.util.Objects;

/**
 * One name of a marque as the dictionary file lists it: the canonical name itself, an alias or a
 * model, with the rules that decide when it counts as a mention.
 *
 * @param brand the canonical marque it names
 * @param name the name as written in the file, without markers
 * @param tokens the words of the name as written, for case-sensitive matching
 * @param keys the words folded to lower case without accents, for lookup
 * @param kind whether it is a marque name, a model, or a model that only counts after the marque
 * @param caseSensitive whether the text must keep the case of the name (or write it all caps)
 * @param proof what else the text must show before the name counts
 */
record BrandAlias(
    String brand,
    String name,
    List<String> tokens,
    List<String> keys,
    Kind kind,
    boolean caseSensitive,
    Proof proof) {

  /** What a name names. */
  enum Kind {
    /** The marque's own name or an alias of it. */
    NAME,
    /** A model that identifies its marque on its own. */
    MODEL,
    /** A model (or number) that only counts right after the marque's name. */
    MODEL_AFTER_BRAND,
    /** A name that starts like the marque's but is something else ({@code Tata Steel}). */
    NOT_BRAND
  }

  /** What a name needs, besides matching, to count. */
  enum Proof {
    /** Nothing: the name is unambiguous. */
    NONE,
    /**
     * Car context: a following model, the marque named elsewhere, a car word near, another marque.
     */
    CONTEXT,
    /** A following model or the marque named elsewhere without needing context. */
    STRICT
  }

  /** Validates and copies. */
  BrandAlias {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(proof, "proof");
    tokens = List.copyOf(tokens);
    keys = List.copyOf(keys);
    if (tokens.isEmpty() || tokens.size() != keys.size()) {
      throw new IllegalArgumentException("name has no words: '" + name + "'");
    }
  }

  /** The number of words. */
  int size() {
    return tokens.size();
  }
}
