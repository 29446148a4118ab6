/**
 * The navette engine on project-written texts: the demo bill (Sénat dépôt → AN committee) and
 * small cases for each status.
 */
import { describe, expect, it } from "vitest";
import { followProvisions, type ProvisionStatus } from "../../src/domain/navette/engine.js";
import { currentStatus } from "../../src/domain/navette/current-status.js";
import type { NavetteStep } from "../../src/domain/navette/steps.js";
import type { VersionArticle } from "../../src/domain/navette/completion.js";
import { diffArticles } from "../../src/domain/navette/diff.js";
import { textSimilarity } from "../../src/domain/navette/similarity.js";
import { parseArticleNumber } from "../../src/domain/article-number.js";
import { parseHtmlText } from "../../ingest/texts/html-text.js";
import { parseAknText } from "../../ingest/texts/akn.js";
import { REFERENCE_COMMITTEE_TEXT, REFERENCE_SENAT_TEXT } from "../../scripts/reference-texts.js";
import { renderAkn, renderAnDynHtml } from "../../scripts/text-formats.js";
import type { ParsedText } from "../../src/domain/bill-text.js";

function versionOf(text: ParsedText): VersionArticle[] {
  return text.articles
    .filter((a) => a.number && a.sortKey)
    .map((a) => ({ number: a.number!, sortKey: a.sortKey!, status: a.status, alineas: a.alineas, openRange: a.openRange }));
}

function article(number: string, alineas: string[], status: VersionArticle["status"] = "texte"): VersionArticle {
  const parsed = parseArticleNumber(number)!;
  return { number: parsed.canonical, sortKey: parsed.sortKey, status, alineas: alineas.map((text, i) => ({ number: i + 1, text })) };
}

function step(
  key: string,
  place: NavetteStep["place"],
  reading: NavetteStep["reading"],
  stage: NavetteStep["stage"],
  articles: VersionArticle[] | null,
  extra: Partial<NavetteStep> = {},
): NavetteStep {
  return { key, place, reading, stage, date: null, succeeded: articles !== null, textUid: key, articles, ...extra };
}

const statusesOf = (steps: NavetteStep[]) => {
  const result = followProvisions(steps);
  return new Map(result.provisions.map((p) => [p.firstNumber, p.states.map((s) => `${s.stepKey}:${s.status}`)]));
};

describe("the demo bill from the Sénat to the AN committee", () => {
  const senat = versionOf(parseAknText(renderAkn(REFERENCE_SENAT_TEXT, { signet: "ppl24-999" }), "s.akn.xml"));
  const committee = versionOf(parseHtmlText(renderAnDynHtml(REFERENCE_COMMITTEE_TEXT), "an-html"));
  const steps = [step("SN1-DEPOT", "SN", "1re_lecture", "depot", senat), step("AN1-COM", "AN", "1re_lecture", "commission", committee)];
  const result = followProvisions(steps);
  const at = (number: string) => result.provisions.find((p) => p.firstNumber === number)!.states.find((s) => s.stepKey === "AN1-COM")!;

  it("gives each article its status in committee", () => {
    const expected: Record<string, ProvisionStatus> = {
      "1er": "modified",
      "2": "unchanged",
      "8": "modified",
      "8 bis": "new",
      "8 ter": "deleted",
      "9": "deleted",
      "10": "deleted",
      "15 ter": "deleted",
      "16": "censured",
      "19": "conforme",
      "24": "conforme",
      "25": "modified",
    };
    for (const [number, status] of Object.entries(expected)) expect(at(number).status, number).toBe(status);
    expect(result.bases.get("AN1-COM")).toBe("SN1-DEPOT");
  });

  it("fills « (Non modifié) » articles and partial placeholders from the Sénat text", () => {
    expect(at("2").alineas.map((a) => a.text)).toEqual([
      "Le dernier alinéa de l'article 706-25-2 du code de procédure pénale est supprimé.",
    ]);
    expect(at("8").alineas.map((a) => a.text)).toEqual([
      "I. – L'article L. 851-3 du code de la sécurité intérieure est ainsi modifié :",
      "1° Au premier alinéa du I, après le mot : « terroriste », sont insérés les mots : « et à la criminalité organisée » ;",
      "II. – Le II du même article est abrogé.",
      "III. – Le dernier alinéa du même article est supprimé.",
      "IV. – Le présent article entre en vigueur le 1er janvier 2026.",
    ]);
    expect(at("19")).toMatchObject({
      status: "conforme",
      closed: true,
      alineas: [{ number: 1, text: "Disposition de coordination n° 19." }],
    });
  });

  it("measures the change and diffs word by word", () => {
    expect(at("8").changeRatio).toBeGreaterThan(0);
    expect(at("8").changeRatio).toBeLessThan(0.2);
    expect(at("2").changeRatio).toBe(0);
    expect(at("8 ter").changeRatio).toBe(1);
  });
});

describe("statuses through the navette", () => {
  const a1 = article("1er", ["Texte initial."]);
  const a2 = article("2", ["Deuxième article."]);

  it("new, deleted, re-established, conforme", () => {
    const steps = [
      step("AN1-DEPOT", "AN", "1re_lecture", "depot", [a1, a2]),
      step("AN1-SEANCE", "AN", "1re_lecture", "seance", [a1, article("2", [], "supprime"), article("2 bis", ["Ajouté."])]),
      step("SN1-DEPOT", "SN", "1re_lecture", "depot", [a1, article("2 bis", ["Ajouté."])]),
      step("SN1-SEANCE", "SN", "1re_lecture", "seance", [
        a1,
        article("2", ["Deuxième article rétabli."]),
        article("2 bis", ["Ajouté et modifié."]),
      ]),
    ];
    expect(statusesOf(steps)).toEqual(
      new Map([
        ["1er", ["AN1-DEPOT:depose", "AN1-SEANCE:unchanged", "SN1-DEPOT:unchanged", "SN1-SEANCE:conforme"]],
        ["2", ["AN1-DEPOT:depose", "AN1-SEANCE:deleted", "SN1-SEANCE:re_established"]],
        ["2 bis", ["AN1-SEANCE:new", "SN1-DEPOT:unchanged", "SN1-SEANCE:modified"]],
      ]),
    );
    const closed = followProvisions(steps)
      .provisions.find((p) => p.firstNumber === "1er")!
      .states.at(-1)!;
    expect(closed.closed).toBe(true);
  });

  it("skips a failed CMP: the nouvelle lecture is compared with the last text before it", () => {
    const steps = [
      step("SN1-SEANCE", "SN", "1re_lecture", "seance", [a1]),
      step("CMP-COM", "CMP", "cmp", "commission", [article("1er", ["Texte de la CMP."])]),
      step("CMP-SN", "SN", "cmp", "seance", null, { succeeded: false }),
      step("ANNLEC-COM", "AN", "nouvelle_lecture", "commission", [article("1er", ["Texte initial."])]),
    ];
    const result = followProvisions(steps);
    expect(result.bases.get("ANNLEC-COM")).toBe("SN1-SEANCE");
    expect(result.provisions[0]!.states.map((s) => s.status)).toEqual(["depose", "modified", "unchanged"]);
  });

  it("carries over articles a text does not reprint, and expands an open range from the base", () => {
    const base = [article("35 bis A", ["a"]), article("35 bis B", ["b"]), article("35 ter", ["c"]), article("36", ["d"])];
    const open = { from: "35 bis A", to: "35 ter" };
    const next = [
      { ...article("35 bis A", [], "supprime"), openRange: open },
      { ...article("35 ter", [], "supprime"), openRange: open },
    ];
    const result = followProvisions([step("A", "AN", "1re_lecture", "depot", base), step("B", "AN", "1re_lecture", "commission", next)]);
    expect(result.provisions.map((p) => [p.firstNumber, p.states.at(-1)!.status, p.states.at(-1)!.printed])).toEqual([
      ["35 bis A", "deleted", true],
      ["35 bis B", "deleted", true],
      ["35 ter", "deleted", true],
      ["36", "unchanged", false],
    ]);
  });

  it("keeps the identity of articles renumbered in the law", () => {
    const navette = [
      article("1er", ["Les services de renseignement partagent leurs informations."]),
      article("8 ter", ["Les messageries chiffrées donnent accès au contenu des correspondances."]),
      article("9", ["Le juge autorise la captation."]),
    ];
    const law = [
      article("1er", ["Les services de renseignement partagent leurs informations."]),
      article("2", ["Les messageries chiffrées donnent accès au contenu des correspondances."]),
      article("3", ["Le juge autorise la captation."]),
    ];
    const result = followProvisions([
      step("CMP-SEANCE", "AN", "cmp", "seance", navette),
      step("PROM", "PR", "promulgation", "promulgation", law, { renumbered: true }),
    ]);
    const backdoor = result.provisions.find((p) => p.firstNumber === "8 ter")!;
    expect(backdoor.states.map((s) => [s.number, s.status])).toEqual([
      ["8 ter", "depose"],
      ["2", "renumbered"],
    ]);
    expect(result.provisions).toHaveLength(3);
  });
});

describe("censured articles in the law", () => {
  it("gives a censured article its number in the law, paired by position, as the Journal officiel prints it", () => {
    const navette = [
      article("1er A", ["Les services de renseignement partagent leurs informations avec les douanes."]),
      article("1er", ["Les opérateurs conservent les données de connexion pendant un an."]),
      article("2", ["Le juge des libertés autorise la captation des données informatiques."]),
    ];
    // The law (JO) as our text parsers read it: article 2 printed with the bracketed censure notice only.
    const html = renderAnDynHtml({
      title: "Loi de démonstration",
      nature: "pjl",
      number: 9001,
      legislature: 17,
      session: 2024,
      role: "adopte",
      items: [
        { article: "Article 1er", alineas: ["Les services de renseignement partagent leurs informations avec les douanes."] },
        {
          article: "Article 2",
          markerLine:
            "[Dispositions déclarées non conformes à la Constitution par la décision du Conseil constitutionnel n° 2025-900 DC du 12 juin 2025.]",
          alineas: [],
        },
        { article: "Article 3", alineas: ["Le juge des libertés autorise la captation des données informatiques."] },
      ],
    });
    const law = versionOf(parseHtmlText(html, "an-html"));
    expect(law.map((a) => [a.number, a.status])).toEqual([
      ["1er", "texte"],
      ["2", "censure"],
      ["3", "texte"],
    ]);
    const result = followProvisions([
      step("CMP-SEANCE", "AN", "cmp", "seance", navette),
      step("PROM", "PR", "promulgation", "promulgation", law, { renumbered: true }),
    ]);
    const final = (first: string) => result.provisions.find((p) => p.firstNumber === first)!.states.at(-1)!;
    expect([final("1er A"), final("1er"), final("2")].map((s) => [s.number, s.status])).toEqual([
      ["1er", "renumbered"],
      ["2", "censured"],
      ["3", "renumbered"],
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe("diff", () => {
  it("marks words added and removed, escaping the text", () => {
    const diff = diffArticles([{ number: 1, text: "Le juge <b>peut</b> autoriser." }], [{ number: 1, text: "Le juge doit autoriser." }]);
    expect(diff.alineas).toEqual([{ kind: "changed", html: "Le juge <del>&lt;b&gt;peut&lt;/b&gt;</del><ins>doit</ins> autoriser." }]);
  });

  it("aligns equal alinéas and shows whole alinéas added or removed", () => {
    const before = [
      { number: 1, text: "A." },
      { number: 2, text: "B." },
      { number: 3, text: "C." },
    ];
    const after = [
      { number: 1, text: "A." },
      { number: 2, text: "C." },
      { number: 3, text: "D." },
    ];
    expect(diffArticles(before, after).alineas.map((a) => a.kind)).toEqual(["equal", "removed", "equal", "added"]);
    expect(diffArticles(before, before).changeRatio).toBe(0);
  });

  it("rates similarity on long texts", () => {
    const long = Array.from({ length: 1500 }, (_, i) => `mot${i % 97}`).join(" ");
    expect(textSimilarity(long, long)).toBe(1);
    expect(textSimilarity(long, `${long} fin`)).toBeGreaterThan(0.99);
    expect(textSimilarity(long, "autre chose")).toBe(0);
  });
});

describe("the status shown for a provision now", () => {
  const states = (...statuses: string[]) => statuses.map((status) => ({ status }));
  it("is its last change, not a later step that only carried it over or left it out", () => {
    expect(currentStatus(states("depose", "unchanged", "conforme", "unchanged", "unchanged"))).toBe("conforme");
    expect(currentStatus(states("new", "unchanged", "deleted", "absent", "absent"))).toBe("deleted");
    expect(currentStatus(states("new", "deleted", "absent", "re_established", "unchanged"))).toBe("re_established");
    expect(currentStatus(states("depose", "modified", "unchanged", "censured", "absent"))).toBe("censured");
    expect(currentStatus(states("new", "partly_censured", "renumbered"))).toBe("partly_censured");
  });
  it("keeps the first status of a provision that never changed, and absent for none", () => {
    expect(currentStatus(states("depose", "unchanged"))).toBe("depose");
    expect(currentStatus(states("unchanged"))).toBe("unchanged");
    expect(currentStatus([])).toBe("absent");
  });
});
