/**
 * Word-level differences between two versions of an article, alinéa by alinéa (jsdiff), as
 * escaped HTML with <ins>/<del>, and the share of the text that changed. Pure.
 */
import { diffArrays, diffWordsWithSpace } from "diff";
import type { Alinea } from "../bill-text.js";
import { comparableText, diceSimilarity, shingles } from "./similarity.js";

/** Below this similarity, two alinéas are shown as one removed and one added, not word by word. */
const WORD_DIFF_THRESHOLD = 0.25;

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

function wordDiff(before: string, after: string): { html: string; changed: number } | null {
  // Word sets (not shingles): short alinéas with one word changed must still be diffed word by word.
  if (diceSimilarity(shingles(before, 1), shingles(after, 1)) < WORD_DIFF_THRESHOLD) return null;
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
  // Alinéas are matched on their normal form, computed once; the chunks then hold indexes.
  const oldKeys = oldTexts.map(comparableText);
  const newKeys = newTexts.map(comparableText);
  let oldIndex = 0;
  let newIndex = 0;
  const chunks = diffArrays(oldKeys, newKeys).map((chunk) => {
    const count = chunk.value.length;
    let texts: string[];
    if (chunk.added) {
      texts = newTexts.slice(newIndex, newIndex + count);
      newIndex += count;
    } else if (chunk.removed) {
      texts = oldTexts.slice(oldIndex, oldIndex + count);
      oldIndex += count;
    } else {
      texts = newTexts.slice(newIndex, newIndex + count);
      oldIndex += count;
      newIndex += count;
    }
    return { added: chunk.added, removed: chunk.removed, value: texts };
  });
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
        if (diff) {
          changed += diff.changed;
          out.push({ kind: "changed", html: diff.html });
        } else {
          changed += removed[k]!.length + added[k]!.length;
          out.push(
            { kind: "removed", html: `<del>${escapeHtml(removed[k]!)}</del>` },
            { kind: "added", html: `<ins>${escapeHtml(added[k]!)}</ins>` },
          );
        }
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
