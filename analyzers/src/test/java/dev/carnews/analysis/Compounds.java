package dev.carnews.analysis;

import java.util.Random;

/** Random text dense in compounds and model codes, to drive the compound filters hard. */
final class Compounds {

  private static final String[] PIECES = {
    "cx",
    "5",
    "e",
    "tron",
    "id",
    "4",
    "rav",
    "f",
    "150",
    "ex30",
    "model",
    "3",
    "3.5",
    "Citroën",
    "Renault's",
    "ev",
    "plug",
    "in",
    "hybrid",
    "4wd",
    "suv",
    "_",
    "x",
    "ß",
    "\uD801\uDC00",
    "’s"
  };

  private static final String[] JOINERS = {"-", "_", ".", "", " ", "  ", "‐", "‑", "'", ", "};

  private Compounds() {}

  static String random(Random random) {
    return random(random, 12);
  }

  /** Random text of 1 to {@code maxPieces} pieces. */
  static String random(Random random, int maxPieces) {
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(maxPieces);
    for (int i = 0; i < pieces; i++) {
      if (i > 0) {
        text.append(JOINERS[random.nextInt(JOINERS.length)]);
      }
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }
}
