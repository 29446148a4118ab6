/**
 * Reading La Fabrique de la Loi's test cases (../shared/fixtures/lawfactory/testcases) into the
 * navette engine's input, and their per-article statuses for comparison.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Alinea } from "../src/domain/bill-text.js";
import type { Reading, Stage, StepPlace } from "../src/domain/dossier.js";
import { parseMarkers, printedStatus } from "../src/domain/article-heading.js";
import { parseArticleNumber } from "../src/domain/article-number.js";
import type { VersionArticle } from "../src/domain/navette/completion.js";
import type { NavetteStep } from "../src/domain/navette/steps.js";
import { projectRoot } from "../src/project-root.js";

/** La Fabrique de la Loi's test cases, in ../shared/fixtures next to the project. */
export const LAWFACTORY_CASES = path.join(projectRoot(), "..", "shared", "fixtures", "lawfactory", "testcases");

export interface PeerArticle {
  titre: string;
  statut?: string;
  alineas?: Record<string, string>;
  newtitre?: string;
  type: string;
}

const READINGS: Record<string, Reading> = {
  "1erelecture": "1re_lecture",
  "2emelecture": "2e_lecture",
  cmp: "cmp",
  "nouv.lect.": "nouvelle_lecture",
  "l.définitive": "lecture_definitive",
  constitutionnalité: "conseil_constitutionnel",
};
const PLACES: Record<string, StepPlace> = { assemblee: "AN", senat: "SN", cmp: "CMP", conseilconstitutionnel: "CC" };
const STAGES: Record<string, Stage> = { depot: "depot", commission: "commission", hemicycle: "seance", "": "conseil_constitutionnel" };

/** A peer article as the engine's input. */
export function peerArticle(article: PeerArticle, useNewNumber = false): VersionArticle {
  const title = useNewNumber && article.newtitre ? article.newtitre : article.titre;
  const number = parseArticleNumber(title);
  if (!number) throw new Error(`numéro illisible : ${title}`);
  const alineas: Alinea[] = Object.values(article.alineas ?? {}).map((text, i) => ({ number: i + 1, text }));
  return { number: number.canonical, sortKey: number.sortKey, status: printedStatus(parseMarkers(`(${article.statut ?? ""})`)), alineas };
}

/** The steps of a test case, with their complete texts. */
export function lawfactorySteps(testCase: string, options: { renumberFinal?: boolean } = {}): NavetteStep[] {
  const dir = path.join(LAWFACTORY_CASES, testCase, "procedure");
  const names = readdirSync(dir).sort();
  return names.map((name, index) => {
    const [, reading, institution, stage] = /^\d+_([^_]+)_([^_]+)_(.*)$/.exec(name) ?? [];
    const texte = JSON.parse(readFileSync(path.join(dir, name, "texte", "texte.json"), "utf8")) as { articles: PeerArticle[] };
    const articles = texte.articles.filter((a) => a.type === "article");
    const last = index === names.length - 1;
    return {
      key: name,
      place: PLACES[institution ?? ""] ?? "AN",
      reading: READINGS[reading ?? ""] ?? "autre",
      stage: STAGES[stage ?? ""] ?? "seance",
      date: null,
      succeeded: articles.length > 0,
      textUid: name,
      articles: articles.map((a) => peerArticle(a, Boolean(options.renumberFinal && last))),
      ...(options.renumberFinal && last ? { renumbered: true } : {}),
    };
  });
}

/** The peer's statuses: article title → step directory → status (depot/new/none/sup). */
export function lawfactoryStatuses(testCase: string): Map<string, Map<string, string>> {
  const file = path.join(LAWFACTORY_CASES, testCase, "viz", "articles_etapes.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as {
    articles: Record<string, { titre: string; steps: Array<{ id_step: string; status: string; newnum?: string }> }>;
  };
  const out = new Map<string, Map<string, string>>();
  for (const [id, article] of Object.entries(data.articles)) {
    if (id === "echec") continue;
    out.set(parseArticleNumber(article.titre)?.canonical ?? article.titre, new Map(article.steps.map((s) => [s.id_step, s.status])));
  }
  return out;
}

/** The peer's final numbers (newnum) per navette number. */
export function lawfactoryNewNumbers(testCase: string): Map<string, string> {
  const file = path.join(LAWFACTORY_CASES, testCase, "viz", "articles_etapes.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as { articles: Record<string, { titre: string; steps: Array<{ newnum?: string }> }> };
  const out = new Map<string, string>();
  for (const [id, article] of Object.entries(data.articles)) {
    if (id === "echec") continue;
    const newnum = article.steps.at(-1)?.newnum;
    if (newnum) out.set(parseArticleNumber(article.titre)!.canonical, parseArticleNumber(newnum)!.canonical);
  }
  return out;
}
