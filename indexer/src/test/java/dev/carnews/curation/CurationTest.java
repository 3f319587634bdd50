package dev.carnews.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.Mention;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurationTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private static Curation decide(
      Curation curation, DecisionKind kind, EntityType type, String value, String target) {
    return curation.decide(kind, type, value, target, "a note", "key-test", NOW);
  }

  private static TaggedArticle article() {
    Article article = new Article("a1", null, "Title", "Body", List.of(), NOW, null, List.of());
    return new TaggedArticle(
        article,
        List.of(),
        List.of(
            new Entity(EntityType.PERSON, "Ronald Reagan", 2, 0.4),
            new Entity(EntityType.PERSON, "Reagan", 3, 0.8),
            new Entity(EntityType.PERSON, "Ampere", 1, 0.2)),
        List.of(new Entity(EntityType.BRAND, "Renault", 4, 0.9)),
        List.of(
            new Mention(EntityType.PERSON, "Reagan", 0, 6, "Reagan"),
            new Mention(EntityType.PERSON, "Ampere", 10, 16, "Ampere")));
  }

  @Test
  void mergeJoinsTheValueWithItsTargetAddingMentionsKeepingTheHighestSalience() {
    Curation curation =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Ronald Reagan");
    TaggedArticle shown = curation.apply(article());
    assertEquals(
        List.of(
            new Entity(EntityType.PERSON, "Ronald Reagan", 5, 0.8),
            new Entity(EntityType.PERSON, "Ampere", 1, 0.2)),
        shown.persons());
    assertEquals("Ronald Reagan", shown.mentions().get(0).canonical());
    assertEquals("Ronald Reagan", curation.filterName(EntityType.PERSON, "reagan"));
  }

  @Test
  void hideRemovesTheValueAndItsMentions() {
    Curation curation =
        decide(Curation.none(), DecisionKind.HIDE, EntityType.PERSON, "Ampere", null);
    TaggedArticle shown = curation.apply(article());
    assertEquals(List.of("Reagan", "Ronald Reagan"), shown.personNames());
    assertEquals(1, shown.mentions().size());
    assertEquals(Optional.empty(), curation.resolve(EntityType.PERSON, "AMPERE"));
  }

  @Test
  void retypeMovesAPersonValueToTheBrands() {
    Curation curation =
        decide(Curation.none(), DecisionKind.RETYPE, EntityType.PERSON, "Ampere", "brand");
    TaggedArticle shown = curation.apply(article());
    assertEquals(List.of("Reagan", "Ronald Reagan"), shown.personNames());
    assertEquals(List.of("Renault", "Ampere"), shown.brandNames());
    assertEquals(EntityType.BRAND, shown.mentions().get(1).type());
  }

  @Test
  void filtersFollowARetypeToTheOtherTypeAndAHiddenValueStaysAsGiven() {
    Curation curation =
        decide(Curation.none(), DecisionKind.RETYPE, EntityType.PERSON, "Ampere", "brand");
    curation = decide(curation, DecisionKind.HIDE, EntityType.PERSON, "Kiichi", null);
    assertEquals(
        new Curation.Resolved(EntityType.BRAND, "Ampere"),
        curation.filterTarget(EntityType.PERSON, "Ampere"));
    assertEquals(
        new Curation.Resolved(EntityType.PERSON, "Kiichi"),
        curation.filterTarget(EntityType.PERSON, "Kiichi"));
    assertEquals(
        new Curation.Resolved(EntityType.BRAND, "Renault"),
        curation.filterTarget(EntityType.BRAND, "Renault"));
  }

  @Test
  void renameChangesTheDisplayNameOfEverythingMergedIntoIt() {
    Curation curation =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Ronald Reagan");
    curation =
        decide(
            curation, DecisionKind.RENAME, EntityType.PERSON, "Ronald Reagan", "Ronald W. Reagan");
    assertEquals(List.of("Ronald W. Reagan", "Ampere"), curation.apply(article()).personNames());
  }

  @Test
  void aliasAppliesLikeAMergeAndKeepsItsKind() {
    Curation curation =
        decide(Curation.none(), DecisionKind.ALIAS, EntityType.BRAND, "VW", "Volkswagen");
    assertEquals(
        Optional.of(new Curation.Resolved(EntityType.BRAND, "Volkswagen")),
        curation.resolve(EntityType.BRAND, "vw"));
    assertEquals(DecisionKind.ALIAS, curation.log().get(0).kind());
  }

  @Test
  void undoRestoresTheTaggersArticleExactly() {
    TaggedArticle raw = article();
    Curation merged =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Ronald Reagan");
    Curation undone = decide(merged, DecisionKind.UNDO, null, null, "d1");
    assertSame(raw, undone.apply(raw));
    assertFalse(undone.isActive("d1"));
    assertEquals("d2", undone.log().get(1).id());
    assertEquals("Reagan", undone.log().get(1).value());
    // Undoing the undo brings the merge back.
    Curation redone = decide(undone, DecisionKind.UNDO, null, null, "d2");
    assertTrue(redone.isActive("d1"));
    assertEquals(List.of("Ronald Reagan", "Ampere"), redone.apply(raw).personNames());
  }

  @Test
  void theLatestEditorDecisionAboutAValueWins() {
    Curation curation =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Ampere", "André Ampère");
    curation = decide(curation, DecisionKind.HIDE, EntityType.PERSON, "Ampere", null);
    assertEquals(Optional.empty(), curation.resolve(EntityType.PERSON, "Ampere"));
  }

  @Test
  void aLinkIsProposedAppliedUndoneOrOverridden() {
    AutomaticLink reagan =
        new AutomaticLink(EntityType.PERSON, "Reagan", "Ronald Reagan", "3 articles");
    AutomaticLink miyazawa =
        new AutomaticLink(EntityType.PERSON, "Miyazawa", "Kiichi Miyazawa", "2 articles");
    assertEquals(Curation.LinkState.PROPOSED, Curation.none().stateOf(reagan));
    Curation applied = Curation.none().applyAutomatic(List.of(reagan, miyazawa), NOW);
    assertEquals(Curation.LinkState.APPLIED, applied.stateOf(reagan));
    Curation undone = decide(applied, DecisionKind.UNDO, null, null, Curation.automaticId(reagan));
    assertEquals(Curation.LinkState.UNDONE, undone.stateOf(reagan));
    Curation overridden = decide(undone, DecisionKind.HIDE, EntityType.PERSON, "miyazawa", null);
    assertEquals(Curation.LinkState.OVERRIDDEN, overridden.stateOf(miyazawa));
    assertEquals("applied", applied.stateOf(miyazawa).label());
  }

  @Test
  void editorDecisionsWinOverAutomaticLinksAndUndoOfALinkSurvivesRecomputing() {
    List<AutomaticLink> links =
        List.of(new AutomaticLink(EntityType.PERSON, "Reagan", "Ronald Reagan", "222 articles"));
    Curation curation = Curation.none().applyAutomatic(links, NOW);
    Decision link = curation.automatic().get(0);
    assertEquals(Decision.Source.AUTO, link.source());
    assertEquals("Ronald Reagan", curation.filterName(EntityType.PERSON, "Reagan"));
    Curation overruled =
        decide(curation, DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Nancy Reagan");
    assertEquals("Nancy Reagan", overruled.filterName(EntityType.PERSON, "Reagan"));
    Curation undone = decide(curation, DecisionKind.UNDO, null, null, link.id());
    assertEquals("Reagan", undone.filterName(EntityType.PERSON, "Reagan"));
    Curation recomputed = undone.applyAutomatic(links, NOW.plusSeconds(60));
    assertEquals("Reagan", recomputed.filterName(EntityType.PERSON, "Reagan"));
  }

  @Test
  void badDecisionsAreRefusedWithTheReason() {
    Curation none = Curation.none();
    assertThrows(
        InvalidDecisionException.class,
        () -> decide(none, DecisionKind.MERGE, EntityType.PERSON, " ", "Ronald Reagan"));
    assertThrows(
        InvalidDecisionException.class,
        () -> decide(none, DecisionKind.MERGE, EntityType.PERSON, "Reagan", null));
    assertThrows(
        InvalidDecisionException.class,
        () -> decide(none, DecisionKind.MERGE, EntityType.PERSON, "Reagan", "REAGAN"));
    assertThrows(
        InvalidDecisionException.class,
        () -> decide(none, DecisionKind.RETYPE, EntityType.PERSON, "Ampere", "person"));
    assertThrows(
        InvalidDecisionException.class,
        () -> decide(none, DecisionKind.HIDE, EntityType.AUTHOR, "Jane Doe", null));
    assertThrows(InvalidDecisionException.class, () -> DecisionKind.parse("delete"));
    assertEquals(DecisionKind.HIDE, DecisionKind.parse("not-an-entity"));
    assertThrows(
        UnknownDecisionException.class, () -> decide(none, DecisionKind.UNDO, null, null, "d9"));
    Curation merged = decide(none, DecisionKind.MERGE, EntityType.PERSON, "A Name", "B Name");
    assertThrows(
        InvalidDecisionException.class,
        () -> decide(merged, DecisionKind.MERGE, EntityType.PERSON, "B Name", "a name"));
    Curation undone = decide(merged, DecisionKind.UNDO, null, null, "d1");
    assertThrows(
        DecisionConflictException.class, () -> decide(undone, DecisionKind.UNDO, null, null, "d1"));
  }

  @Test
  void changedNamesOnlyTheValuesWhoseAnswersDiffer() {
    Curation merged =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Ronald Reagan");
    assertEquals(
        Set.of(Curation.TypedKey.of(EntityType.PERSON, "Reagan")),
        Curation.changed(Curation.none(), merged));
    Curation renamed =
        decide(merged, DecisionKind.RENAME, EntityType.PERSON, "Ronald Reagan", "R. Reagan");
    assertEquals(
        Set.of(
            Curation.TypedKey.of(EntityType.PERSON, "Reagan"),
            Curation.TypedKey.of(EntityType.PERSON, "Ronald Reagan")),
        Curation.changed(merged, renamed));
  }

  @Test
  void historyListsTheDecisionsAboutAnEntityAndTheirUndos() {
    Curation curation =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Ronald Reagan");
    curation = decide(curation, DecisionKind.HIDE, EntityType.PERSON, "Ampere", null);
    curation = decide(curation, DecisionKind.UNDO, null, null, "d1");
    assertEquals(
        List.of("d1", "d3"),
        curation.history(EntityType.PERSON, "Ronald Reagan").stream().map(Decision::id).toList());
    assertEquals(
        List.of("d2"),
        curation.history(EntityType.PERSON, "ampere").stream().map(Decision::id).toList());
  }

  @Test
  void theCodecKeepsEveryField() {
    Curation curation =
        decide(Curation.none(), DecisionKind.MERGE, EntityType.PERSON, "Reagan", "Ronald Reagan");
    curation = decide(curation, DecisionKind.HIDE, EntityType.PERSON, "Ampere", null);
    curation =
        curation.applyAutomatic(
            List.of(
                new AutomaticLink(EntityType.PERSON, "Kiichi", "Kiichi Miyazawa", "3 articles")),
            NOW);
    assertEquals(curation, CurationCodec.decode(CurationCodec.encode(curation)));
  }
}
