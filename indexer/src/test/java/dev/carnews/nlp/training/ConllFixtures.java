package dev.carnews.nlp.training;

/** CoNLL-2003 text shared by the training and evaluation tests. */
public final class ConllFixtures {

  /** Three gold persons: "Anna Berg", "Berg" and "Olek Nowak"; one organisation. */
  public static final String SNIPPET =
      String.join(
          "\n",
          "-DOCSTART- -X- O O",
          "",
          "Anna NNP I-NP I-PER",
          "Berg NNP I-NP I-PER",
          "joined VBD I-VP O",
          "Norland NNP I-NP I-ORG",
          ". . O O",
          "",
          "Berg NNP I-NP I-PER",
          "met VBD I-VP O",
          "Olek NNP I-NP I-PER",
          "Nowak NNP I-NP I-PER",
          "and CC O O",
          "Norland NNP I-NP I-ORG",
          ". . O O",
          "");

  private ConllFixtures() {}
}
