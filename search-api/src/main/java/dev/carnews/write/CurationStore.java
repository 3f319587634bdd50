package dev.carnews.write;

import dev.carnews.curation.Curation;
import dev.carnews.entity.PersonLinks;
import dev.carnews.index.ArticleIndex;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the curation is kept and applied: the local index or a SolrCloud collection. A change
 * returns only once the decision and the articles it rewrote are durable and searchable.
 *
 * <p>Thread-safe: changes are applied one at a time.
 */
public interface CurationStore {

  /** The curation the answers follow now. */
  Curation current();

  /**
   * Makes a new curation from the current one, rewrites the articles it changes and makes both
   * durable.
   *
   * @param change the new curation from the current; its exceptions reach the caller unchanged and
   *     change nothing
   * @throws IOException when the change could not be made durable: it may be lost
   */
  Changed change(UnaryOperator<Curation> change) throws IOException;

  /**
   * Every article's id, date, text and the tagger's person values (not the curated ones): what the
   * automatic person links are computed from. Empty when this store cannot list them; the links are
   * then applied elsewhere, or not at all.
   */
  default Optional<List<PersonLinks.ArticlePersons>> taggedPersons() throws IOException {
    return Optional.empty();
  }

  /**
   * What a change did.
   *
   * @param curation the curation now
   * @param rewritten how many articles were rewritten
   */
  record Changed(Curation curation, int rewritten) {}

  /** The curation of the local index, kept in its commits. */
  static CurationStore of(ArticleIndex index) {
    Objects.requireNonNull(index, "index");
    return new CurationStore() {
      @Override
      public Curation current() {
        return index.curation();
      }

      @Override
      public Changed change(UnaryOperator<Curation> change) throws IOException {
        ArticleIndex.Curated done = index.curate(change);
        return new Changed(done.curation(), done.rewritten());
      }

      @Override
      public Optional<List<PersonLinks.ArticlePersons>> taggedPersons() throws IOException {
        return Optional.of(index.taggedPersons());
      }
    };
  }
}
