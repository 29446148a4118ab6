/**
 * Completing a text version from the one it follows: "(Non modifié)" articles take their text
 * from the base, partial placeholders ("II et III. – (Non modifiés)", "1° et 1° bis (Non
 * modifié)") are rebuilt from the base's enumerated parts, ranges a text could not expand alone
 * take the base's articles between their bounds. Pure.
 */
import type { Alinea } from "../bill-text.js";
import type { PartPlaceholder, PrintedStatus } from "../article-heading.js";
import { parseArticleNumber } from "../article-number.js";

/** An article of a version, as the engine sees it. */
export interface VersionArticle {
  readonly number: string;
  readonly sortKey: string;
  readonly status: PrintedStatus;
  readonly alineas: readonly Alinea[];
  /** Set when the chamber printed a range it did not enumerate. */
  readonly openRange?: { readonly from: string; readonly to: string } | null;
}

/** Something completion could not do, with where. */
export interface CompletionWarning {
  readonly article: string;
  readonly message: string;
}

/** Kind of an enumeration label: "II" (roman), "1°" (ordinal), "a)" (letter), "A" (capital). */
type LabelKind = "roman" | "ordinal" | "letter" | "capital";

const LABEL =
  /^(?:«\s*)?((?:[IVXLC]+|\d+°|[a-z]\)|[A-Z])(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?(?:\s+[A-Z](?=[\s.]))?)(?=[\s.–—-]|$)/u;

function labelKind(label: string): LabelKind {
  if (/^\d+°/.test(label)) return "ordinal";
  if (/^[a-z]\)/.test(label)) return "letter";
  // A lone I, V or X is a Roman numeral; other lone capitals (A, B, C…) are lettered parts.
  if (/^[IVX][IVXLC]*(\s|$)/.test(label) || /^[IVXLC]{2,}(\s|$)/.test(label)) return "roman";
  return "capital";
}

/** The enumeration label an alinéa starts with ("II", "1° bis", "a)"), if any; quoted alinéas have none. */
export function leadingLabel(text: string): string | null {
  if (/^[«"“]/.test(text.trim())) return null;
  const match = LABEL.exec(text.trim());
  return match ? (match[1] ?? "").replace(/\s+/g, " ") : null;
}

/** Index of the first alinéa starting with `label`, and the end (exclusive) of its part. */
function partRange(alineas: readonly Alinea[], label: string): [number, number] | null {
  const kind = labelKind(label);
  const start = alineas.findIndex((a) => leadingLabel(a.text) === label);
  if (start < 0) return null;
  let end = start + 1;
  while (end < alineas.length) {
    const next = leadingLabel((alineas[end] as Alinea).text);
    if (next !== null && (labelKind(next) === kind || (kind === "ordinal" && labelKind(next) === "roman"))) break;
    end++;
  }
  return [start, end];
}

/** Alinéas of the base that a placeholder stands for, or null when they cannot be found. */
export function partsFromBase(placeholder: PartPlaceholder, base: readonly Alinea[]): Alinea[] | null {
  const ranges: Array<[number, number]> = [];
  for (const part of placeholder.parts) {
    const range = partRange(base, part);
    if (!range) return null;
    ranges.push(range);
  }
  if (ranges.length === 0) return null;
  if (placeholder.range && ranges.length === 2) {
    const [[from], [, to]] = ranges as [[number, number], [number, number]];
    return base.slice(from, to);
  }
  return ranges.flatMap(([from, to]) => base.slice(from, to));
}

function renumber(alineas: readonly Alinea[]): Alinea[] {
  return alineas.map((a, i) => ({ ...a, number: i + 1 }));
}

/**
 * Completes one article from the base version's article of the same number. Returns the
 * article unchanged when nothing is to be filled in, and warnings for what could not be.
 */
export function completeArticle(
  article: VersionArticle,
  base: VersionArticle | undefined,
): { article: VersionArticle; warnings: CompletionWarning[] } {
  const warnings: CompletionWarning[] = [];
  if ((article.status === "non_modifie" || article.status === "conforme") && article.alineas.length === 0) {
    if (base && base.alineas.length > 0) return { article: { ...article, alineas: base.alineas }, warnings };
    warnings.push({ article: article.number, message: "article « non modifié » sans texte dans la version précédente" });
    return { article, warnings };
  }
  if (!article.alineas.some((a) => a.placeholder && a.placeholder.marker !== "supprime")) return { article, warnings };
  const out: Alinea[] = [];
  for (const alinea of article.alineas) {
    const placeholder = alinea.placeholder;
    if (!placeholder || placeholder.marker === "supprime") {
      out.push(alinea);
      continue;
    }
    const filled = base ? partsFromBase(placeholder, base.alineas) : null;
    if (filled) out.push(...filled);
    else {
      warnings.push({
        article: article.number,
        message: `impossible de retrouver « ${placeholder.parts.join(", ")} » dans la version précédente`,
      });
      out.push(alinea);
    }
  }
  return { article: { ...article, alineas: renumber(out) }, warnings };
}

/** Expands the open ranges of a version from the numbers the base had between the bounds. */
export function expandOpenRanges(articles: readonly VersionArticle[], base: readonly VersionArticle[]): VersionArticle[] {
  const out: VersionArticle[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (!article.openRange) {
      out.push(article);
      continue;
    }
    const { from, to } = article.openRange;
    const key = `${from}…${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fromKey = parseArticleNumber(from)?.sortKey ?? "";
    const toKey = parseArticleNumber(to)?.sortKey ?? "";
    const members = base.filter((b) => b.sortKey >= fromKey && b.sortKey <= toKey);
    const numbers =
      members.length > 0 ? members : articles.filter((a) => a.openRange && a.openRange.from === from && a.openRange.to === to);
    for (const member of numbers) out.push({ ...article, number: member.number, sortKey: member.sortKey, openRange: null });
  }
  return out;
}
