import { describe, expect, it } from "vitest";
import { parseArticleHeading, parseMarkers, parsePartPlaceholder, printedStatus, expandRange } from "../../src/domain/article-heading.js";
import { parseArticleNumber } from "../../src/domain/article-number.js";

const numbers = (heading: string) => parseArticleHeading(heading)?.numbers.map((n) => n.canonical);

describe("parseArticleHeading", () => {
  it.each([
    ["Article 1er", ["1er"]],
    ["Article 8 ter (nouveau)", ["8 ter"]],
    ["Article\u00a02\u00a0bis\u00a0A", ["2 bis A"]],
    ["Articles 3 et 4", ["3", "4"]],
    ["Articles 11 bis A, 11 bis B et 11 bis C", ["11 bis A", "11 bis B", "11 bis C"]],
    ["Articles 19 à 24", ["19", "20", "21", "22", "23", "24"]],
    ["Articles 34 bis A à 34 bis D", ["34 bis A", "34 bis B", "34 bis C", "34 bis D"]],
    ["Articles 17 bis à 17 quater", ["17 bis", "17 ter", "17 quater"]],
    ["Article liminaire", ["liminaire"]],
    ["Article unique", ["unique"]],
  ])("%s", (heading, expected) => {
    expect(numbers(heading)).toEqual(expected);
  });

  it("keeps a range it cannot expand as its two bounds", () => {
    const heading = parseArticleHeading("Articles 35 bis A à 35 ter (Supprimés)")!;
    expect(heading.numbers.map((n) => n.canonical)).toEqual(["35 bis A", "35 ter"]);
    expect(heading.range).toMatchObject({ expanded: false });
    expect(heading.markers).toEqual(["supprime"]);
  });

  it("is not fooled by mentions of articles of codes", () => {
    expect(parseArticleHeading("Article 1001 du code général des impôts")).toBeNull();
    expect(parseArticleHeading("« Art. L. 123-1. – Une personne")).toBeNull();
    expect(parseArticleHeading("Le présent article entre en vigueur")).toBeNull();
  });
});

describe("markers", () => {
  it.each([
    ["(nouveau)", ["nouveau"]],
    ["(Supprimé)", ["supprime"]],
    ["(Supprimés)", ["supprime"]],
    ["(Suppression maintenue)", ["suppression_maintenue"]],
    ["(Non modifié)", ["non_modifie"]],
    ["(Non modifiés)", ["non_modifie"]],
    ["(Conformes)", ["conforme"]],
    ["(Censuré)", ["censure"]],
    ["(Pour coordination)", ["pour_coordination"]],
    ["(nouveau) (Supprimé)", ["nouveau", "supprime"]],
    ["(en millions d'euros)", []],
  ])("%s", (text, expected) => {
    expect(parseMarkers(text)).toEqual(expected);
  });

  it("derives the printed status", () => {
    expect(printedStatus(["nouveau"])).toBe("texte");
    expect(printedStatus(["nouveau", "supprime"])).toBe("supprime");
    expect(printedStatus(["suppression_maintenue"])).toBe("supprime");
    expect(printedStatus(["conforme"])).toBe("conforme");
    expect(printedStatus(["non_modifie"])).toBe("non_modifie");
    expect(printedStatus(["censure", "non_modifie"])).toBe("censure");
  });
});

describe("partial placeholders", () => {
  it.each([
    ["II et III. – (Non modifiés)", ["II", "III"], false, "non_modifie"],
    ["II à IV. – (Non modifiés)", ["II", "IV"], true, "non_modifie"],
    ["I. – (Supprimé)", ["I"], false, "supprime"],
    ["I A. - (Non modifié)", ["I A"], false, "non_modifie"],
    ["1° et 1° bis (Non modifiés)", ["1°", "1° bis"], false, "non_modifie"],
    ["a) (Supprimé)", ["a)"], false, "supprime"],
  ] as const)("%s", (text, parts, range, marker) => {
    expect(parsePartPlaceholder(text)).toEqual({ parts, range, marker, rest: "" });
  });

  it("keeps the text that follows a marker", () => {
    expect(parsePartPlaceholder("1° (Non modifié) L'intitulé du titre II est ainsi rédigé")?.rest).toBe(
      "L'intitulé du titre II est ainsi rédigé",
    );
  });

  it("leaves ordinary alinéas alone", () => {
    expect(parsePartPlaceholder("I. – Le code de la sécurité intérieure est ainsi modifié :")).toBeNull();
    expect(parsePartPlaceholder("Le mot : « supprimé » est remplacé")).toBeNull();
  });
});

describe("expandRange", () => {
  it("refuses what it cannot know", () => {
    expect(expandRange(parseArticleNumber("35 bis A")!, parseArticleNumber("35 ter")!)).toBeNull();
    expect(expandRange(parseArticleNumber("liminaire")!, parseArticleNumber("3")!)).toBeNull();
  });
});
