package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.carnews.curation.AutomaticLink;
import dev.carnews.curation.Curation;
import dev.carnews.entity.PersonLinks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The answers of {@code GET /api/curation/links}: the automatic person links the archive proposes
 * now ({@link PersonLinks}, computed from the tagger's values), each with its evidence and where it
 * stands in the curation, the short values kept apart and the first names alone.
 */
final class AutomaticLinks {

  /** The widest window asked for, in days: ten years either way. */
  static final int MAX_WINDOW_DAYS = 3650;

  private AutomaticLinks() {}

  /**
   * What linking found.
   *
   * @param windowDays the window, in days either way
   * @param articles articles read
   * @param valuesBefore distinct person values before linking
   * @param valuesAfter distinct person values after the links, without the lone first names
   * @param articlesReattributed articles carrying a linked value
   * @param links values linked to a full name
   * @param apart short values kept apart, with the reason
   * @param notEntities first names alone that are no facet values
   */
  record Proposal(
      int windowDays,
      int articles,
      int valuesBefore,
      int valuesAfter,
      int articlesReattributed,
      List<LinkView> links,
      List<LinkView> apart,
      List<LoneView> notEntities) {}

  /**
   * A short value, linked or kept apart.
   *
   * @param id the id its automatic decision has (what an undo names); absent when kept apart
   * @param state for a link: {@code proposed}, {@code applied}, {@code undone} (by an editor, stays
   *     so) or {@code overridden} (an editor decided about the value)
   * @param value the short value
   * @param target the full name; absent when kept apart
   * @param form {@code surname} or {@code first-name}
   * @param articles articles carrying the value
   * @param firstSeen its first day, when dated
   * @param lastSeen its last day, when dated
   * @param linked articles with one candidate, or one dominating the window
   * @param dominant of those, where the candidate dominated others
   * @param ambiguous articles with two or more candidates in the window
   * @param outsideWindow articles with no candidate in the window
   * @param reason why, in words
   * @param candidates the full names it could stand for
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LinkView(
      String id,
      String state,
      String value,
      String target,
      String form,
      int articles,
      LocalDate firstSeen,
      LocalDate lastSeen,
      int linked,
      int dominant,
      int ambiguous,
      int outsideWindow,
      String reason,
      List<CandidateView> candidates) {}

  /**
   * A first name alone.
   *
   * @param value the value
   * @param articles articles carrying it
   * @param reason why it is no facet value
   * @param candidates full names starting with it, if any
   */
  record LoneView(String value, int articles, String reason, List<CandidateView> candidates) {}

  /**
   * A full name a short value could stand for.
   *
   * @param name its most frequent form
   * @param articles articles carrying it
   * @param firstSeen its first day, when dated
   * @param lastSeen its last day, when dated
   * @param explained articles of the short value it alone explained
   * @param cooccurring articles carrying both
   * @param forms its other forms
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record CandidateView(
      String name,
      int articles,
      LocalDate firstSeen,
      LocalDate lastSeen,
      int explained,
      int cooccurring,
      List<String> forms) {}

  /**
   * The answer to {@code POST /api/curation/links/apply}.
   *
   * @param links automatic links applied (an editor's decision about a value still wins)
   * @param undone of those, links an editor had undone, which stay undone
   * @param overridden of those, links an editor's decision about the value overrides
   * @param rewritten articles rewritten
   */
  record Applied(int links, int undone, int overridden, int rewritten) {}

  /** Links the articles' person values within a window. */
  static PersonLinks.Result link(List<PersonLinks.ArticlePersons> articles, int windowDays) {
    return PersonLinks.withBundledGazetteer(Duration.ofDays(windowDays)).link(articles);
  }

  /** The links as automatic curation decisions. */
  static List<AutomaticLink> decisions(PersonLinks.Result result, int windowDays) {
    return AutomaticLink.of(result, Duration.ofDays(windowDays));
  }

  /** The proposal as clients see it, each link with where it stands in the curation. */
  static Proposal view(PersonLinks.Result result, int windowDays, int articles, Curation curation) {
    List<AutomaticLink> links = decisions(result, windowDays);
    List<LinkView> linkViews =
        IntStream.range(0, links.size())
            .mapToObj(
                i ->
                    view(
                        result.links().get(i),
                        Curation.automaticId(links.get(i)),
                        curation.stateOf(links.get(i)).label()))
            .toList();
    return new Proposal(
        windowDays,
        articles,
        result.valuesBefore(),
        result.valuesAfter(),
        result.articlesReattributed(),
        linkViews,
        result.apart().stream().map(d -> view(d, null, null)).toList(),
        result.loneFirstNames().stream()
            .map(
                lone ->
                    new LoneView(
                        lone.value(),
                        lone.articles(),
                        lone.reason(),
                        candidates(lone.candidates())))
            .toList());
  }

  /** How many of the links stand in a state now. */
  static int count(List<AutomaticLink> links, Curation curation, Curation.LinkState state) {
    return (int) links.stream().filter(link -> curation.stateOf(link) == state).count();
  }

  private static LinkView view(PersonLinks.Decision decision, String id, String state) {
    return new LinkView(
        id,
        state,
        decision.value(),
        decision.target(),
        decision.form().label(),
        decision.articles(),
        day(decision.firstSeen()),
        day(decision.lastSeen()),
        decision.linked(),
        decision.dominant(),
        decision.ambiguous(),
        decision.outsideWindow(),
        decision.reason(),
        candidates(decision.candidates()));
  }

  private static List<CandidateView> candidates(List<PersonLinks.Candidate> candidates) {
    return candidates.stream()
        .map(
            c ->
                new CandidateView(
                    c.name(),
                    c.articles(),
                    day(c.firstSeen()),
                    day(c.lastSeen()),
                    c.explained(),
                    c.cooccurring(),
                    c.forms()))
        .toList();
  }

  private static LocalDate day(Instant when) {
    return when == null ? null : LocalDate.ofInstant(when, ZoneOffset.UTC);
  }
}
