/**
 * `navette marquer --evaluer`: reads amendments straight from a folder or zip (AN open data JSON
 * or XML, Sénat jeu complet CSV), or labelled texts from the database, tags them with the rules,
 * and scores the tags against a labels file. Nothing is written. `navette theme exporter` writes
 * the staff's decisions in the same labels format.
 */
import { readFile } from "node:fs/promises";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { decidedThemes, labelledTexts } from "../../db/store/tags.js";
import { openLocalSource } from "../../ingest/sources/entries.js";
import { SourceError } from "../../ingest/document.js";
import { evaluate, formatLabels, parseLabels, type Evaluation } from "../domain/tagging/evaluation.js";
import type { RuleSet } from "../domain/tagging/rules.js";
import { amendmentParagraphs, tagText, type TagMatch } from "../domain/tagging/tagger.js";
import { findSourceKind } from "./source-kinds.js";

/** What an evaluation read and found. */
export interface EvaluationRun {
  readonly evaluation: Evaluation;
  readonly documents: number;
  /** Documents that could not be read, with why (the rest was read). */
  readonly problems: readonly string[];
}

/** Tags every amendment of a folder or zip; returns the tags by amendment uid. */
export async function tagAmendmentsOf(
  location: string,
  rules: RuleSet,
): Promise<{ found: Map<string, TagMatch[]>; documents: number; problems: string[] }> {
  const kinds = [findSourceKind("an-amendements")!, findSourceKind("senat-amendements")!];
  const found = new Map<string, TagMatch[]>();
  const problems: string[] = [];
  let documents = 0;
  const source = await openLocalSource(location);
  for await (const entry of source.entries) {
    if (entry instanceof SourceError) {
      problems.push(entry.message);
      continue;
    }
    documents++;
    try {
      const bytes = await entry.read();
      const kind = /\.csv$/i.test(entry.name) ? kinds[1]! : kinds[0]!;
      for (const amendment of kind.parse(entry.name, bytes)?.amendments ?? []) {
        found.set(amendment.uid, tagText(amendmentParagraphs(amendment.dispositifText, amendment.exposeText), rules));
      }
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { found, documents, problems };
}

/** Tags the labelled texts stored in the database: amendments by uid, provisions ("<dossier>/<id>") at their latest step. */
async function tagStoredTexts(db: Kysely<Database>, uids: readonly string[], rules: RuleSet): Promise<Map<string, TagMatch[]>> {
  const found = new Map<string, TagMatch[]>();
  for (const [uid, paragraphs] of await labelledTexts(db, uids)) found.set(uid, tagText(paragraphs, rules));
  return found;
}

/**
 * Scores the rules against a labels file, on the amendments of `source` (a folder or zip read
 * directly) or, given a database instead, on the labelled texts stored in it (what `navette theme
 * exporter` writes).
 */
export async function evaluateRules(labelsFile: string, source: string | Kysely<Database>, rules: RuleSet): Promise<EvaluationRun> {
  const themes = rules.themes.map((t) => t.id);
  const labels = parseLabels(await readFile(labelsFile, "utf8"), labelsFile, themes);
  if (typeof source !== "string") {
    const found = await tagStoredTexts(
      source,
      labels.map((l) => l.uid),
      rules,
    );
    return { evaluation: evaluate(labels, found, themes), documents: found.size, problems: [] };
  }
  const { found, documents, problems } = await tagAmendmentsOf(source, rules);
  return { evaluation: evaluate(labels, found, themes), documents, problems };
}

/** The staff's decisions on provisions, in the labels format (confidence "high": a person decided). */
export async function exportDecisionsAsLabels(db: Kysely<Database>): Promise<string> {
  return formatLabels((await decidedThemes(db)).map((d) => ({ uid: d.uid, themes: d.themes, confidence: "high", note: d.note })));
}
