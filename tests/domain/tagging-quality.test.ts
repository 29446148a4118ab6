/**
 * Quality of the surveillance rules on a labelled set: the real AN amendments of
 * ../shared/fixtures/an (labels read by hand from their dispositif and exposé) and project-written
 * sentences, precision and recall per theme. The figures are printed and reported in the README.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/importer/rules.js";
import { tagText } from "../../src/domain/tagging/tagger.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { hasSharedFixtures, sharedPath } from "../helpers/shared-fixtures.js";

const rules = loadRules();

/** Themes of each real amendment, judged by reading it (not by running the rules). */
const REAL_LABELS: Record<string, string[]> = {
  "amdt_L17_narco_com_CL160_art8ter_non-soutenu.json": ["chiffrement"],
  "amdt_L17_narco_com_CL384_apres-art8ter_irrecevable-45-cavalier.json": [],
  "amdt_L17_narco_com_CL44_art8ter_suppression_adopte.json": ["chiffrement"],
  "amdt_L17_narco_com_CL484_art8ter_retire-apres-publication.json": ["chiffrement", "renseignement"],
  "amdt_L17_narco_com_CL485_art8ter_alinea8_tombe.json": ["chiffrement", "renseignement"],
  "amdt_L17_narco_com_CL668_rapporteur_art8_alinea4_adopte.json": ["renseignement", "algorithmes", "donnees-connexion"],
  "amdt_L17_narco_com_CL674_rapporteur_chapitreII_adopte.json": [],
  "amdt_L17_narco_seance_1004_gouv_sous-amdt-de-939_art16_adopte.json": ["dossier-coffre"],
  "amdt_L17_narco_seance_1023_gouv_sous-amdt_irrecevable-98.json": [],
  "amdt_L17_narco_seance_2rect_art16_retire-en-seance.json": ["dossier-coffre"],
  "amdt_L17_narco_seance_424_apres-art8ter_irrecevable-40-gage.json": [],
  // 8 ter re-established: cryptology obligations on operators to give intelligence services the
  // content of intercepted correspondence; its exposé limits it to three techniques, among which
  // "le recueil de données de connexion (article L. 851-1)" and real-time access to connection data.
  "amdt_L17_narco_seance_640_art8ter_retablir_rejete.json": ["chiffrement", "renseignement", "interceptions", "donnees-connexion"],
  "amdt_L17_narco_seance_769_art15ter_retablir_adopte.json": ["activation-distance"],
  "amdt_L17_narco_seance_835_gouv_article-PREMIER_adopte.json": [],
  "amdt_L17_narco_seance_851_gouv_art8_adopte.json": ["renseignement", "algorithmes"],
  "amdt_L17_narco_seance_856rect_apres-art9_article-additionnel_adopte.json": [],
  "amdt_L17_narco_seance_939rect_art16_retablir_adopte.json": ["dossier-coffre"],
  "amdt_L17_narco_seance_997_sous-amdt-de-640_art8ter_adopte.json": ["chiffrement", "renseignement"],
  "amdt_L17_narco_seance_seconde-deliberation_1_gouv_art4bisA_adopte.json": [],
  "amdt_L17_narco_texteCMP1277_2_gouv_art3_alinea17_adopte.json": [],
  "amdt_L17_simplification_seance_840_art15_datacentres_rejete.json": ["centres-donnees"],
  "amdt_L17_transports_seance_237rect_gouv_apres-art9_VSA-2027_adopte.json": ["videosurveillance"],
};

interface Case {
  readonly name: string;
  readonly alineas: Array<{ number: number; text: string }>;
  readonly themes: string[];
}

function ownCases(): Case[] {
  const file = path.resolve(import.meta.dirname, "..", "fixtures", "tagging", "own-cases.json");
  return (JSON.parse(readFileSync(file, "utf8")) as Array<{ text: string; themes: string[] }>).map((c, i) => ({
    name: `cas ${i + 1}`,
    alineas: [{ number: 1, text: c.text }],
    themes: c.themes,
  }));
}

function realCases(): Case[] {
  if (!hasSharedFixtures("an")) return [];
  const kind = findSourceKind("an-amendements")!;
  return Object.entries(REAL_LABELS).map(([file, themes]) => {
    const a = kind.parse(file, readFileSync(sharedPath("an", file)))!.amendments[0]!;
    const lines = [...(a.dispositifText ?? "").split("\n"), ...(a.exposeText ?? "").split("\n")].filter((l) => l.trim());
    return { name: file, alineas: lines.map((text, i) => ({ number: i + 1, text })), themes };
  });
}

/** Precision and recall per theme over the cases. */
function scores(cases: Case[]) {
  const out = new Map<string, { tp: number; fp: number; fn: number }>();
  const mistakes: string[] = [];
  for (const c of cases) {
    const found = new Set(tagText(c.alineas, rules).map((m) => m.theme));
    for (const theme of rules.themes.map((t) => t.id)) {
      const s = out.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
      const expected = c.themes.includes(theme);
      if (expected && found.has(theme)) s.tp++;
      else if (!expected && found.has(theme)) {
        s.fp++;
        mistakes.push(`${c.name} : ${theme} en trop`);
      } else if (expected) {
        s.fn++;
        mistakes.push(`${c.name} : ${theme} manquant`);
      }
      out.set(theme, s);
    }
  }
  return { out, mistakes };
}

describe("surveillance rules on the labelled set", () => {
  const cases = [...realCases(), ...ownCases()];
  const { out, mistakes } = scores(cases);
  const table = [...out.entries()].map(([theme, s]) => ({
    theme,
    precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
    recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
    positives: s.tp + s.fn,
  }));
  console.log(
    `[navette] qualité des règles (${cases.length} cas) :\n${table.map((r) => `  ${r.theme.padEnd(22)} précision ${r.precision.toFixed(2)}  rappel ${r.recall.toFixed(2)}  (${r.positives} positifs)`).join("\n")}\n  erreurs : ${mistakes.join(" ; ") || "aucune"}`,
  );

  it("reaches 0.9 precision and 0.9 recall on every theme", () => {
    const below = table
      .filter((r) => r.positives > 0 && (r.precision < 0.9 || r.recall < 0.9))
      .map((r) => `${r.theme} (${r.precision.toFixed(2)} / ${r.recall.toFixed(2)})`);
    expect(below).toEqual([]);
    expect(table.every((r) => r.positives > 0)).toBe(true);
  });

  it("makes no mistake on the labelled set", () => {
    expect(mistakes).toEqual([]);
  });
});
