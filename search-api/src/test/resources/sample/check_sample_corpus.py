#!/usr/bin/env python3
"""Validates the shipped sample corpus and prints the counts quoted in its README.

Run from the repository root:  python3 search-api/src/test/resources/sample/check_sample_corpus.py
Exits non-zero when a line does not parse, a required field is missing or malformed, an id repeats,
a minimum count is not met, or judged-queries.tsv names an unknown id.
"""
import collections, datetime, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[5]
CORPUS = ROOT / "search-api/src/main/resources/sample/articles.jsonl"
JUDGED = ROOT / "search-api/src/test/resources/relevance/judged-queries.tsv"

# Marques looked for in title + body (canonical name -> regex of surface forms).
BRANDS = {
    "BMW": r"\bBMW\b", "BYD": r"\bBYD\b", "Citroën": r"\bCitro[eë]n\b", "Ford": r"\bFord\b",
    "Geely": r"\bGeely\b", "Hyundai": r"\bHyundai\b", "Isuzu": r"\bIsuzu\b", "Kia": r"\bKia\b",
    "Mazda": r"\bMazda\b", "Mercedes-Benz": r"\bMercedes(-Benz)?\b", "MG": r"\bMG\s?[0-9S]",
    "Mitsubishi": r"\bMitsubishi\b", "Nissan": r"\bNissan\b", "Polestar": r"\bPolestar\b",
    "Renault": r"\bRenault\b", "Škoda": r"\b[ŠS]koda\b", "Tesla": r"\bTesla\b", "Toyota": r"\bToyota\b",
    "Volkswagen": r"\b(Volkswagen|VW)\b", "Volvo": r"\bVolvo\b", "Zeekr": r"\bZeekr\b",
}
# Every invented person in the corpus (none is a real person).
PEOPLE = [
    "Hélène Marchetti", "José Ibáñez", "Pieter van der Berg", "Anna de Souza", "Karl von Hollen",
    "Marie-Claire Dubreuil-Haas", "Tomasz Wieczorek-Lund", "Søren Aagaard", "Ngaio Rangi-Walsh",
    "Bastien Lefèvre-Roux", "Léa Fontaine-Girard", "Kenji Arakida", "Callum Ashbridge",
    "Delphine Aubertin", "Ingrid Solbakken", "Mateus Araújo", "Zhou Minglan", "Greer Holloway-Tate",
    "Émile Vautrin", "Ffion Carrow", "Oskar Mähler", "Rosalind du Plessis", "Tavita Leota",
    "Jasper ten Hoeve", "Dmitri Okafor-Laine",
]
REQUIRED = {"id": str, "url": str, "title": str, "body": str, "author": (str, list),
            "published": str, "section": str, "tags": list}
MINIMUM = {"articles": 70, "brands": 12, "authors": 9, "people": 18}


def main():
    errors, arts = [], []
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").rstrip("\n").split("\n"), 1):
        try:
            a = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: {e}")
            continue
        for field, kind in REQUIRED.items():
            if not isinstance(a.get(field), kind) or not a.get(field):
                errors.append(f"line {n}: bad or missing {field}")
        if not str(a.get("url", "")).startswith("https://news.example.com/"):
            errors.append(f"line {n}: url outside news.example.com")
        try:
            if datetime.datetime.fromisoformat(a["published"]).utcoffset() is None:
                errors.append(f"line {n}: published has no offset")
        except (KeyError, ValueError):
            errors.append(f"line {n}: published is not ISO-8601")
        paras = a.get("body", "").split("\n\n")
        words = len(a.get("body", "").split())
        if not 3 <= len(paras) <= 6 or not 120 <= words <= 300:
            errors.append(f"line {n}: body has {len(paras)} paragraphs, {words} words")
        arts.append(a)
    ids = collections.Counter(a.get("id") for a in arts)
    errors += [f"duplicate id {i}" for i, c in ids.items() if c > 1]

    brand_n, person_n, author_n, section_n = (collections.Counter() for _ in range(4))
    multi_brand = 0
    for a in arts:
        text = a["title"] + "\n" + a["body"]
        found = [b for b, rx in BRANDS.items() if re.search(rx, text)]
        brand_n.update(found)
        multi_brand += len(found) > 1
        person_n.update(p for p in PEOPLE if p in text)
        author_n.update(a["author"] if isinstance(a["author"], list) else [a["author"]])
        section_n[a["section"]] += 1
    dates = sorted(a["published"][:10] for a in arts)
    months = collections.Counter(d[:7] for d in dates)
    unused = [p for p in PEOPLE if p not in person_n]
    errors += [f"person listed but not in corpus: {p}" for p in unused]

    counts = {"articles": len(arts), "brands": len(brand_n), "authors": len(author_n),
              "people": len(person_n)}
    errors += [f"{k}: {counts[k]} < {v}" for k, v in MINIMUM.items() if counts[k] < v]

    print(f"articles {len(arts)}, words {sum(len(a['body'].split()) for a in arts)}")
    print(f"dates {dates[0]} .. {dates[-1]} over {len(months)} months; per year",
          dict(sorted(collections.Counter(d[:4] for d in dates).items())))
    print("sections", dict(section_n.most_common()))
    print(f"brands {len(brand_n)} (articles naming 2+ brands: {multi_brand})", dict(brand_n.most_common()))
    print(f"authors {len(author_n)} (co-bylined articles: "
          f"{sum(isinstance(a['author'], list) for a in arts)})", dict(author_n.most_common()))
    print(f"people {len(person_n)} (in 2+ articles: {sum(c > 1 for c in person_n.values())})",
          dict(person_n.most_common()))

    if JUDGED.exists():
        queries, rows = set(), 0
        for n, line in enumerate(JUDGED.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in ids or parts[2] not in ("1", "2", "3"):
                errors.append(f"judged line {n}: {line!r}")
                continue
            queries.add(parts[0])
            rows += 1
        print(f"judged queries {len(queries)}, judgements {rows}")

    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
