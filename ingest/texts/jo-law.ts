/**
 * A law as the Journal officiel publishes it (its Légifrance page): « LOI n° 2025-532 du 13 juin
 * 2025 … », the visas, « Le Président de la République promulgue la loi dont la teneur suit : »,
 * then its titles, chapters and articles in their final numbering, an article censured by the
 * Conseil constitutionnel keeping its number with « [Dispositions déclarées non conformes à la
 * Constitution par la décision … DC du …] ». Like the Conseil constitutionnel's pages, it is read by
 * its wording (one line per block), not by the site's markup.
 */
import type { ParsedText } from "../../src/domain/bill-text.js";
import { SourceError } from "../document.js";
import { htmlToText } from "../html.js";
import { parseDivisionLine, TextBuilder } from "./builder.js";

/** The law's number and title, from the page's title line. */
const LAW = /^LOI\s+(?:organique\s+)?n[°o]\s*(\d{4}-\d+)\s+du\s+.+$/i;
const ENACTING = /promulgue la loi dont la teneur suit\s*:?$/i;
const END = /^La présente loi sera exécutée comme loi de l['’]Etat\b/i;
const ARTICLE = /^Article\s+(?:\d+(?:er)?|unique|premier)(?:\s+\[.*\])?$/i;

/** The law's uid in Navette: `LOI-2025-532`. */
export function lawUid(number: string): string {
  return `LOI-${number}`;
}

/** Parses a law page; throws a SourceError when it is not one. */
export function parseJoLaw(html: string, file: string): { number: string; parsed: ParsedText } {
  const lines = htmlToText(html).split("\n");
  const start = lines.findIndex((l) => ENACTING.test(l));
  // The law's heading: the last title line before the visas (the page's <title> comes first).
  const title = lines
    .slice(0, start < 0 ? lines.length : start)
    .filter((l) => LAW.test(l))
    .pop();
  if (!title) throw new SourceError("page de loi du Journal officiel non reconnue (« LOI n° … du … » absent)", file);
  const number = LAW.exec(title)![1]!;
  if (start < 0)
    throw new SourceError(`loi n° ${number} : formule de promulgation (« … promulgue la loi dont la teneur suit : ») introuvable`, file);
  const builder = new TextBuilder("jo-html");
  builder.setTitle(title.replace(/\s*\(\d+\)\s*$/, ""));
  builder.setMetadata("loi", number);
  for (const line of lines.slice(start + 1)) {
    if (END.test(line)) break;
    if (ARTICLE.test(line)) {
      const bracket = /\[.*\]$/.exec(line)?.[0];
      builder.articleHeading(line.replace(/\s*\[.*\]$/, ""), `loi ${number}`);
      if (bracket) builder.markerLine(bracket);
      continue;
    }
    const [head, heading] = line.split(/\s+:\s+/, 2);
    const division = !builder.inArticle || heading ? parseDivisionLine(head ?? "") : null;
    if (division) {
      builder.division(division.kind, division.number, heading ?? null, division.markers);
      continue;
    }
    if (builder.inArticle && builder.markerLine(line)) continue;
    builder.alinea(line);
  }
  return { number, parsed: builder.finish() };
}
