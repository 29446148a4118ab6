/**
 * `navette marquer --evaluer`: reads amendments straight from a folder or zip (AN open data JSON
 * or XML, Sénat jeu complet CSV), tags them with the rules, and scores the tags against a labels
 * file. Nothing is written to any database.
 */
import { readFile } from "node:fs/promises";
import { openLocalSource } from "../../ingest/sources/entries.js";
import { SourceError } from "../../ingest/document.js";
import { evaluate, parseLabels, type Evaluation } from "../domain/tagging/evaluation.js";
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

/** Scores the rules on the amendments of `location` against the labels file. */
export async function evaluateRules(labelsFile: string, location: string, rules: RuleSet): Promise<EvaluationRun> {
  const themes = rules.themes.map((t) => t.id);
  const labels = parseLabels(await readFile(labelsFile, "utf8"), labelsFile, themes);
  const { found, documents, problems } = await tagAmendmentsOf(location, rules);
  return { evaluation: evaluate(labels, found, themes), documents, problems };
}
