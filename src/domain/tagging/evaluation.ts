/**
 * Scoring the tagging rules against labels a person wrote by reading the texts: per theme true
 * and false positives, false negatives, precision and recall, micro totals, and every mistake with
 * its evidence. The labels format is the one of shared/fixtures/tagging-real/labels.tsv:
 * `uid<TAB>themes (comma-separated) or -<TAB>confidence<TAB>note`. Pure.
 */
import type { Evidence, TagMatch } from "./tagger.js";

/** One labelled text. */
export interface Label {
  readonly uid: string;
  readonly themes: readonly string[];
  readonly confidence: string;
  readonly note: string;
}

/** A mistake in a labels file. */
export class LabelsError extends Error {
  override name = "LabelsError";
}

/** Reads a labels file; `knownThemes` catches misspelt theme ids. Empty lines and `#` lines are skipped. */
export function parseLabels(text: string, file: string, knownThemes: readonly string[]): Label[] {
  const out: Label[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [uid = "", themes = "", confidence = "", note = ""] = line.split("\t").map((c) => c.trim());
    const where = `${file}, ligne ${i + 1}`;
    if (!uid || !themes)
      throw new LabelsError(`${where} : il faut au moins « uid<TAB>thèmes » (thèmes séparés par des virgules, ou « - »)`);
    if (seen.has(uid)) throw new LabelsError(`${where} : ${uid} est déjà étiqueté plus haut`);
    seen.add(uid);
    const list = themes === "-" ? [] : themes.split(",").map((t) => t.trim());
    const unknown = list.find((t) => !knownThemes.includes(t));
    if (unknown !== undefined) throw new LabelsError(`${where} : thème inconnu « ${unknown} » (thèmes : ${knownThemes.join(", ")})`);
    out.push({ uid, themes: list, confidence, note });
  });
  return out;
}

/** Writes labels in the same format. */
export function formatLabels(labels: readonly Label[]): string {
  return labels
    .map((l) => [l.uid, l.themes.length ? l.themes.join(",") : "-", l.confidence, l.note.replace(/[\t\r\n]+/g, " ")].join("\t"))
    .join("\n")
    .concat(labels.length ? "\n" : "");
}

/** Counts for one theme (or the micro total). */
export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
}

/** A text the rules got wrong for one theme. */
export interface Mistake {
  readonly uid: string;
  readonly theme: string;
  readonly kind: "faux positif" | "faux négatif";
  readonly note: string;
  /** What the rules matched (false positives). */
  readonly evidence: readonly Evidence[];
}

/** The result of an evaluation. */
export interface Evaluation {
  readonly texts: number;
  readonly byTheme: ReadonlyMap<string, Score>;
  readonly micro: Score;
  readonly mistakes: readonly Mistake[];
  /** Labelled uids that were not found among the texts read. */
  readonly missing: readonly string[];
}

function score(tp: number, fp: number, fn: number): Score {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Scores the tags found on each text (by uid) against the labels. Texts without a label are ignored. */
export function evaluate(labels: readonly Label[], found: ReadonlyMap<string, readonly TagMatch[]>, themes: readonly string[]): Evaluation {
  const counts = new Map(themes.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: Mistake[] = [];
  const missing: string[] = [];
  for (const label of labels) {
    const matches = found.get(label.uid);
    if (!matches) {
      missing.push(label.uid);
      continue;
    }
    for (const theme of themes) {
      const count = counts.get(theme)!;
      const match = matches.find((m) => m.theme === theme);
      const expected = label.themes.includes(theme);
      if (expected && match) count.tp++;
      else if (match) {
        count.fp++;
        mistakes.push({ uid: label.uid, theme, kind: "faux positif", note: label.note, evidence: match.evidence });
      } else if (expected) {
        count.fn++;
        mistakes.push({ uid: label.uid, theme, kind: "faux négatif", note: label.note, evidence: [] });
      }
    }
  }
  const total = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    texts: labels.length - missing.length,
    byTheme: new Map([...counts].map(([t, c]) => [t, score(c.tp, c.fp, c.fn)])),
    micro: score(total.tp, total.fp, total.fn),
    mistakes,
    missing,
  };
}

const pct = (x: number): string => x.toFixed(2);

/** The report printed by `navette marquer --evaluer`, in French. */
export function formatEvaluation(result: Evaluation): string {
  const row = (name: string, s: Score): string =>
    `${name.padEnd(22)} ${String(s.tp).padStart(3)}  ${String(s.fp).padStart(3)}  ${String(s.fn).padStart(3)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`;
  const lines = [`${result.texts} textes étiquetés lus`, "", "thème                   VP   FP   FN  précision  rappel"];
  for (const [theme, s] of result.byTheme) lines.push(row(theme, s));
  lines.push(row("total (micro)", result.micro));
  if (result.mistakes.length) lines.push("", "Erreurs :");
  for (const mistake of result.mistakes) {
    const why = mistake.evidence
      .slice(0, 4)
      .map((e) => `${e.rule} : « ${e.term} » (alinéa ${e.alinea})`)
      .join(" ; ");
    lines.push(
      `- ${mistake.kind} ${mistake.theme} : ${mistake.uid}${mistake.note ? ` — étiquette : ${mistake.note}` : ""}${why ? `\n    preuve : ${why}` : ""}`,
    );
  }
  if (result.missing.length)
    lines.push("", `Étiquetés mais introuvables dans la source (${result.missing.length}) : ${result.missing.join(", ")}`);
  return lines.join("\n");
}
