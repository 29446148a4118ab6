/**
 * A decision page of the Conseil constitutionnel (`/decision/2025/2025885DC.htm`) → the decision
 * number, its date and the censures of its dispositif. The page's layout changes over the years;
 * the decision's wording does not (« LE CONSEIL CONSTITUTIONNEL DÉCIDE : Article 1er. – Sont
 * contraires à la Constitution les dispositions suivantes de la loi … : – l'article 9 bis ; … »),
 * so the page is read as text, not by its markup.
 */
import { htmlToText } from "../html.js";
import { SourceError } from "../document.js";
import { frenchDateToIso } from "../senat/dossier.js";
import { readCensures, type ConstitutionalDecision } from "../../src/domain/constitutional-decision.js";

/** What a decision page yields: the decision, and the items of its dispositif it could not place. */
export interface ParsedDecision {
  readonly decision: ConstitutionalDecision;
  readonly unread: readonly string[];
}

const NUMBER = /D[ée]cision\s+n[°o]\s*(\d{4}-\d+)\s*DC\b(?:\s+du\s+(\d{1,2}(?:er)?\s+\S+\s+\d{4}))?/i;
const DECIDES = /LE CONSEIL CONSTITUTIONNEL D[ÉE]CIDE\s*:/i;
/** « Article 1er. – », « Article 2. - » at the start of a line of the dispositif. */
const DECISION_ARTICLE = /^Article\s+\d+(?:er)?\s*\.?\s*[-–—]\s*/i;
const CONTRARY = /\b(?:est|sont)\s+contraires?\s+à\s+la\s+Constitution\b/i;

/** The dispositif, one entry per article of the decision, its lines joined. */
function dispositifArticles(lines: readonly string[]): string[][] {
  const start = lines.findIndex((l) => DECIDES.test(l));
  if (start < 0) return [];
  const first = lines[start]!.replace(/^[\s\S]*?D[ÉE]CIDE\s*:\s*/i, "");
  const out: string[][] = [];
  for (const line of [first, ...lines.slice(start + 1)]) {
    if (/^(Jugé par le Conseil constitutionnel|Rendu public)\b/i.test(line)) break;
    if (DECISION_ARTICLE.test(line)) out.push([line.replace(DECISION_ARTICLE, "")]);
    else if (out.length > 0 && line) out[out.length - 1]!.push(line);
  }
  return out;
}

/** The items an article of the dispositif declares contrary to the Constitution. */
function contraryItems(article: readonly string[]): string[] {
  const text = article.join("\n");
  if (/^Sont contraires à la Constitution\b/i.test(text)) {
    const list = text.slice(text.indexOf(":") + 1);
    return list
      .split(/\s*;\s*|\n/)
      .map((item) => item.trim())
      .filter((item) => item.replace(/^[-–—•]\s*/, "") !== "");
  }
  // « L'article 9 bis de la loi … est contraire à la Constitution. »
  const subject = text.split(CONTRARY)[0]?.trim();
  return subject && !/\bne\s+(?:sont|est)\s+pas\b/i.test(text) ? [subject] : [];
}

/** Parses a decision page; throws a SourceError when it is not one. */
export function parseDecisionPage(html: string, file: string): ParsedDecision {
  const lines = htmlToText(html).split("\n");
  const heading = lines.map((l) => NUMBER.exec(l)).find((m) => m !== null);
  if (!heading) throw new SourceError("page de décision du Conseil constitutionnel non reconnue (« Décision n° … DC » absent)", file);
  const articles = dispositifArticles(lines);
  if (articles.length === 0)
    throw new SourceError(`décision n° ${heading[1]} DC : dispositif (« LE CONSEIL CONSTITUTIONNEL DÉCIDE : ») introuvable`, file);
  const items = articles.filter((a) => CONTRARY.test(a.join(" "))).flatMap(contraryItems);
  const { censures, unread } = readCensures(items);
  return {
    decision: { number: `${heading[1]} DC`, date: heading[2] ? frenchDateToIso(heading[2]) : null, censures },
    unread,
  };
}
