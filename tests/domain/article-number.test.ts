import { describe, expect, it } from "vitest";
import { compareArticleNumbers, parseArticleNumber, canonicalArticleNumber } from "../../src/domain/article-number.js";

describe("parseArticleNumber", () => {
  it.each([
    ["1er", "1er"],
    ["1", "1er"],
    ["premier", "1er"],
    ["Article PREMIER", "1er"],
    ["ART. PREMIER", "1er"],
    ["1er bis", "1er bis"],
    ["8 ter", "8 ter"],
    ["ART. 8 TER", "8 ter"],
    ["APRÈS ART. 8 TER", "8 ter"],
    ["Article 8 ter (nouveau)", "8 ter"],
    ["AVANT L'ARTICLE 11", "11"],
    ["4 bis A", "4 bis A"],
    ["2 bis AA", "2 bis AA"],
    ["4 A", "4 A"],
    ["Article 12 quinquies", "12 quinquies"],
    ["3 novies", "3 nonies"],
    ["5 vicies", "5 vicies"],
    ["7 duodevicies", "7 octodecies"],
    ["Article liminaire", "liminaire"],
    ["Article unique", "unique"],
    ["Article\u00a02\u00a0bis\u00a0A", "2 bis A"],
  ])("reads %s as %s", (raw, canonical) => {
    expect(canonicalArticleNumber(raw)).toBe(canonical);
  });

  it.each(["", "Chapitre II", "ÉTAT B", "8 zorglub", "8 a", "Titre"])("refuses %j", (raw) => {
    expect(parseArticleNumber(raw)).toBeNull();
  });

  it("gives the parts", () => {
    expect(parseArticleNumber("4 bis A")).toMatchObject({ base: 4, latin: 1, letters: "A" });
    expect(parseArticleNumber("liminaire")).toMatchObject({ base: 0, special: "liminaire" });
  });
});

describe("compareArticleNumbers", () => {
  it("orders numbers as the navette does", () => {
    const expected = [
      "liminaire",
      "1er",
      "1er bis",
      "2 bis AA",
      "2 bis A",
      "2 bis",
      "4 A",
      "4",
      "4 bis A",
      "4 bis",
      "4 ter",
      "4 quater",
      "8 ter",
      "10",
      "10 vicies",
    ];
    const shuffled = [...expected].reverse();
    const sorted = shuffled
      .map((n) => parseArticleNumber(n))
      .filter((n) => n !== null)
      .sort(compareArticleNumbers)
      .map((n) => n.canonical);
    expect(sorted).toEqual(expected);
  });

  it("places A before B before the plain number", () => {
    const [a, b, plain] = ["3 A", "3 B", "3"].map((n) => parseArticleNumber(n)!);
    expect(compareArticleNumbers(a!, b!)).toBeLessThan(0);
    expect(compareArticleNumbers(b!, plain!)).toBeLessThan(0);
    expect(compareArticleNumbers(plain!, plain!)).toBe(0);
  });
});
