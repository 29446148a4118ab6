/**
 * Decisions of the Conseil constitutionnel: reading the censures of a dispositif, and the text of
 * the law they leave.
 */
import { describe, expect, it } from "vitest";
import { decisionNumberOf, readCensures } from "../../src/domain/constitutional-decision.js";
import { censuredArticles } from "../../src/domain/navette/censure.js";
import type { VersionArticle } from "../../src/domain/navette/completion.js";

describe("the censures of a dispositif", () => {
  it("reads whole articles, words and parts, each with the law article it is about", () => {
    const { censures, unread } = readCensures([
      "- l'article 9 bis ;",
      "- les articles 12, 13 et 14 ;",
      "- les mots « et d'images » figurant au second alinéa de l'article 15 ter ;",
      "- le 2° de l'article 1er ;",
      "- l'article L. 851-3 du code de la sécurité intérieure, dans sa rédaction résultant de l'article 8 de la loi déférée.",
      "- le paragraphe I de l'annexe.",
    ]);
    expect(censures.map((c) => [c.kind, c.article])).toEqual([
      ["article", "9 bis"],
      ["article", "12"],
      ["article", "13"],
      ["article", "14"],
      ["words", "15 ter"],
      ["part", "1er"],
      ["part", "8"],
    ]);
    expect(censures[4]).toMatchObject({ words: "et d'images" });
    expect(censures[5]).toMatchObject({ part: "2°" });
    expect(unread).toEqual(["le paragraphe I de l'annexe"]);
  });

  it("names a decision the way the Assemblée's dossiers give it", () => {
    expect(decisionNumberOf({ numDecision: "787", anneeDecision: "2019" })).toBe("2019-787 DC");
    expect(decisionNumberOf({ numDecision: "2025-885", anneeDecision: "2025" })).toBe("2025-885 DC");
    expect(decisionNumberOf({ numDecision: "787" })).toBeNull();
  });
});

describe("the law after the decision", () => {
  const article = (number: string, ...alineas: string[]): VersionArticle => ({
    number,
    sortKey: number,
    status: "texte",
    alineas: alineas.map((text, i) => ({ number: i + 1, text })),
  });
  const base = [
    article("9", "Texte de l'article 9."),
    article("9 bis", "La date est reportée."),
    article(
      "15 ter",
      "Il est inséré un article ainsi rédigé :",
      "« Le juge peut autoriser la captation de sons et d'images, pour un mois. »",
    ),
  ];

  it("prints a wholly censured article « (Censuré) » and takes censured words out, leaving the rest alone", () => {
    const { censures } = readCensures(["l'article 9 bis", "les mots « et d'images » figurant au second alinéa de l'article 15 ter"]);
    const { articles, warnings } = censuredArticles(base, censures);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => [a.number, a.status])).toEqual([
      ["9 bis", "censure"],
      ["15 ter", "texte"],
    ]);
    expect(articles[1]!.alineas[1]!.text).toBe("« Le juge peut autoriser la captation de sons, pour un mois. »");
    expect(articles[1]!.alineas[0]!.text).toBe("Il est inséré un article ainsi rédigé :");
  });

  it("reports what it cannot apply instead of guessing", () => {
    const { censures } = readCensures(["le 2° de l'article 9", "l'article 30", "les mots « absents » figurant à l'article 9"]);
    const { articles, warnings } = censuredArticles(base, censures);
    expect(articles).toEqual([]);
    expect(warnings.map((w) => w.article)).toEqual(["9", "30", "9"]);
    expect(warnings[0]!.message).toContain("censure partielle non reportée");
    expect(warnings[1]!.message).toContain("sans article correspondant");
    expect(warnings[2]!.message).toContain("« absents »");
  });
});
