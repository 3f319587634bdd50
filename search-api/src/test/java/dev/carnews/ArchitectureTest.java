package dev.carnews;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.carnews.entity.EntityType;
import dev.carnews.ingest.Article;

/**
 * The rules of the house, checked on the compiled classes of every module the service is built from
 * (analyzers, indexer, search API): who may see whom, and no package cycles.
 */
@AnalyzeClasses(packages = "dev.carnews", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Where the two backends live; nothing outside them and the wiring in {@code server} sees them.
   */
  private static final String[] BACKENDS = {
    "dev.carnews.search.lucene..", "dev.carnews.search.solr..", "dev.carnews.search.views.."
  };

  /** The contract knows no backend, no schema and no engine: only the JDK and its own records. */
  @ArchTest
  static final ArchRule contractKnowsNoBackend =
      classes()
          .that()
          .resideInAPackage("dev.carnews.search")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(
                      "java..", "dev.carnews.search", "com.fasterxml.jackson.annotation..", "")
                  .or(resideInAPackage("io.micrometer.."))
                  .or(equivalentTo(EntityType.class)))
          .because("the contract is what every backend implements and the HTTP layer calls");

  /** The HTTP layer sees the contract, the write seam and the previews, never a backend. */
  @ArchTest
  static final ArchRule httpSeesOnlyTheContract =
      noClasses()
          .that()
          .resideInAPackage("dev.carnews.http..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(BACKENDS)
                  .or(
                      resideInAnyPackage(
                          "org.apache.lucene..",
                          "org.apache.solr..",
                          "dev.carnews.index..",
                          "dev.carnews.solrcloud..",
                          "dev.carnews.nlp..",
                          "dev.carnews.analysis..",
                          "dev.carnews.story..",
                          "dev.carnews.server.."))
                  .or(resideInAPackage("dev.carnews.ingest").and(not(equivalentTo(Article.class)))))
          .because("handlers answer the same way whichever backend serves them");

  /** A backend never reaches up into the HTTP layer or the wiring. */
  @ArchTest
  static final ArchRule backendsNeverSeeHttp =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.carnews.search..", "dev.carnews.write..", "dev.carnews.preview..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.carnews.http..", "dev.carnews.server..", "io.javalin..");

  /** The Lucene backend and the SolrCloud backend share only the contract and the views. */
  @ArchTest
  static final ArchRule luceneBackendKnowsNoSolr =
      noClasses()
          .that()
          .resideInAPackage("dev.carnews.search.lucene..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.carnews.search.solr..", "org.apache.solr..");

  /** See {@link #luceneBackendKnowsNoSolr}. */
  @ArchTest
  static final ArchRule solrBackendKnowsNoLuceneBackend =
      noClasses()
          .that()
          .resideInAPackage("dev.carnews.search.solr..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.carnews.search.lucene..");

  /** Tagging at run time never loads the code that trains or scores the models. */
  @ArchTest
  static final ArchRule runtimeNeverSeesTrainingOrEvaluation =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.carnews.nlp.training..", "dev.carnews.evaluation..", "dev.carnews.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.carnews.nlp.training..", "dev.carnews.evaluation..")
          .because("the service and the index writer ship the pipeline, not its workbench");

  /** Each package of every module is a slice: no two depend on each other, however indirectly. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.carnews.(**)").should().beFreeOfCycles();

  /** The benchmarks are a tool beside the service: none of their classes is on its classpath. */
  @ArchTest
  static final ArchRule noBenchmarkOnTheServiceClasspath =
      noClasses().should().resideInAPackage("dev.carnews.bench..");
}
