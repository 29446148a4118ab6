/**
 * What the reader reads: dates, numbers, names, outcomes and evidence said in French, the same
 * way on pages and in feeds.
 */
import { describe, expect, it } from "vitest";
import {
  amendmentNumberLabel,
  authorRole,
  cutOnWord,
  foundWords,
  foundWordsSentence,
  frenchDateOrNull,
  lawNumbered,
  outcomeSentence,
  personDisplayName,
} from "../../src/domain/wording.js";
import { inDateOrder } from "../../src/domain/dossier.js";
import { codeArticleLabel } from "../../src/domain/tagging/citations.js";
import { stepToShow } from "../../src/domain/navette/step-to-show.js";

describe("wording", () => {
  it("writes dates as French does, « 1er » on the first", () => {
    expect(frenchDateOrNull("2025-04-01")).toBe("1er avril 2025");
    expect(frenchDateOrNull("2025-03-06T19:00:48+01:00")).toBe("6 mars 2025");
    expect(frenchDateOrNull("not a date")).toBeNull();
  });

  it("writes numbers and names as printed, not as stored", () => {
    expect(amendmentNumberLabel("120 (Rect)")).toBe("120 rect.");
    expect(amendmentNumberLabel("II-1463 (2ème Rect)")).toBe("II-1463 2e rect.");
    expect(amendmentNumberLabel("CL44")).toBe("CL44");
    expect(personDisplayName("Mme DURAND")).toBe("Mme Durand");
    expect(personDisplayName("M. Jean-Paul LE GALL")).toBe("M. Jean-Paul Le Gall");
    expect(personDisplayName("M. Pierre DE LA TOUR")).toBe("M. Pierre de La Tour");
  });

  it("names a role only where the name does not say it, in the author's gender", () => {
    expect(authorRole("depute", "Mme Sandra Regol (ECOS)")).toBeNull();
    expect(authorRole("senateur", "Mme Durand")).toBeNull();
    expect(authorRole("rapporteur", "Mme Claire Exemple")).toBe("rapporteure");
    expect(authorRole("rapporteur", "M. Exemple")).toBe("rapporteur");
    expect(authorRole("gouvernement", "le Gouvernement")).toBeNull();
  });

  it("says an outcome with its place and date, and nothing invented when undecided", () => {
    expect(outcomeSentence("adopte", { stage: "commission", chamber: "AN", date: "2025-03-06" })).toBe(
      "adopté en commission à l'Assemblée le 6 mars 2025",
    );
    expect(outcomeSentence("rejete", { stage: "seance", chamber: "SN", date: null })).toBe("rejeté en séance au Sénat");
    expect(outcomeSentence("en_cours", { stage: "seance", chamber: "AN", date: "2025-03-06" })).toBe("en attente");
  });

  it("names an article by its navette number, the law's beside it once different", () => {
    expect(lawNumbered({ navette: "15 ter", law: "18" })).toBe("15 ter (art. 18 de la loi)");
    expect(lawNumbered({ navette: "8", law: "8" })).toBe("8");
    expect(lawNumbered({ navette: "8 ter", law: null })).toBe("8 ter");
  });

  it("cuts a text between two words", () => {
    expect(cutOnWord("Supprimer cet article.", 80)).toBe("Supprimer cet article.");
    const cut = cutOnWord("les dispositifs techniques permettant l'accès au contenu intelligible", 30);
    expect(cut).toBe("les dispositifs techniques …");
    expect(cutOnWord("a".repeat(50), 20)).toBe(`${"a".repeat(20)} …`);
  });

  it("shows a theme's evidence as the words found, by alinéa, once each", () => {
    const evidence = [
      { alinea: 2, term: "chiffrement" },
      { alinea: 1, term: "services de\nrenseignement" },
      { alinea: 1, term: "données" },
      { alinea: 2, term: "Chiffrement" },
    ];
    expect(foundWords(evidence)).toEqual([
      { alinea: 1, words: ["services de renseignement", "données"] },
      { alinea: 2, words: ["chiffrement"] },
    ]);
    expect(foundWordsSentence(evidence)).toBe("alinéa 1 : « services de renseignement », « données » ; alinéa 2 : « chiffrement »");
    expect(codeArticleLabel("CSI", "L. 851-3")).toBe("article L. 851-3 du code de la sécurité intérieure");
    expect(codeArticleLabel("LOI-2023-380", "9")).toBe("article 9 de la loi n° 2023-380");
    expect(codeArticleLabel("CODE-MINIER", "L. 1")).toBe("article L. 1 du code minier");
  });

  it("lists a bill's steps in date order, undated steps after the one before them", () => {
    const steps = [
      { key: "CMP-AN", date: "2025-04-15" },
      { key: "CMP-SN", date: "2025-04-17" },
      { key: "CMP-ACCORD", date: "2025-04-10" },
      { key: "CMP-UNDATED", date: null },
      { key: "PROM", date: "2025-05-20" },
    ];
    expect(inDateOrder(steps).map((s) => s.key)).toEqual(["CMP-ACCORD", "CMP-UNDATED", "CMP-AN", "CMP-SN", "PROM"]);
  });

  it("shows an article's last version with text unless the reader chose one", () => {
    const steps = [
      { stepKey: "A", alineas: ["x"] },
      { stepKey: "B", alineas: ["y"] },
      { stepKey: "C", alineas: [] },
      { stepKey: "D", status: "deleted", alineas: ["y"] },
    ];
    expect(stepToShow(steps, null)?.stepKey).toBe("B");
    expect(stepToShow(steps, "D")?.stepKey).toBe("D");
    expect(stepToShow(steps, "unknown")?.stepKey).toBe("B");
    expect(stepToShow([{ stepKey: "Z", alineas: [] }], null)?.stepKey).toBe("Z");
  });
});
