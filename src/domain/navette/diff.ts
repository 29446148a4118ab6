/**
 * Word-level differences between two versions of an article, alinéa by alinéa (jsdiff), as
 * escaped HTML with <ins>/<del>, and the share of the text that changed. Pure.
 */
import { diffArrays, diffWordsWithSpace } from "diff";
import type { Alinea } from "../bill-text.js";
import { comparableText } from "./similarity.js";

/** One alinéa of a diff. */
export interface AlineaDiff {
  readonly kind: "equal" | "added" | "removed" | "changed";
  /** HTML of the alinéa with <ins>/<del> around what changed; text is escaped. */
  readonly html: string;
}

/** Result of {@link diffArticles}. */
export interface ArticleDiff {
  readonly alineas: AlineaDiff[];
  /** Characters removed plus characters added, over the length of both versions, in [0, 1]. */
  readonly changeRatio: number;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function wordDiff(before: string, after: string): { html: string; changed: number } {
  let html = "";
  let changed = 0;
  for (const part of diffWordsWithSpace(before, after)) {
    const text = escapeHtml(part.value);
    if (part.added) {
      html += `<ins>${text}</ins>`;
      changed += part.value.length;
    } else if (part.removed) {
      html += `<del>${text}</del>`;
      changed += part.value.length;
    } else html += text;
  }
  return { html, changed };
}

/** Diffs two lists of alinéas: equal ones are matched first, then changed ones pairwise. */
export function diffArticles(before: readonly Alinea[], after: readonly Alinea[]): ArticleDiff {
  const oldTexts = before.map((a) => a.text);
  const newTexts = after.map((a) => a.text);
  const out: AlineaDiff[] = [];
  let changed = 0;
  const chunks = diffArrays(oldTexts, newTexts, { comparator: (a: string, b: string) => comparableText(a) === comparableText(b) });
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (!chunk.added && !chunk.removed) {
      for (const text of chunk.value) out.push({ kind: "equal", html: escapeHtml(text) });
      continue;
    }
    const next = chunks[i + 1];
    if (chunk.removed && next?.added) {
      const removed = chunk.value;
      const added = next.value;
      const pairs = Math.min(removed.length, added.length);
      for (let k = 0; k < pairs; k++) {
        const diff = wordDiff(removed[k]!, added[k]!);
        changed += diff.changed;
        out.push({ kind: "changed", html: diff.html });
      }
      for (const text of removed.slice(pairs)) {
        changed += text.length;
        out.push({ kind: "removed", html: `<del>${escapeHtml(text)}</del>` });
      }
      for (const text of added.slice(pairs)) {
        changed += text.length;
        out.push({ kind: "added", html: `<ins>${escapeHtml(text)}</ins>` });
      }
      i++;
      continue;
    }
    for (const text of chunk.value) {
      changed += text.length;
      out.push(
        chunk.added
          ? { kind: "added", html: `<ins>${escapeHtml(text)}</ins>` }
          : { kind: "removed", html: `<del>${escapeHtml(text)}</del>` },
      );
    }
  }
  const total = oldTexts.join(" ").length + newTexts.join(" ").length;
  return { alineas: out, changeRatio: total === 0 ? 0 : Math.min(1, changed / total) };
}
