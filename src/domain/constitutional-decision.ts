/**
 * A decision of the Conseil constitutionnel on a law (« Décision n° 2025-885 DC »), reduced to
 * what the navette needs: which provisions of the law it declared contrary to the Constitution,
 * and how much of each (the whole article, some words, or a part such as « le 2° »). Pure.
 */
import { parseArticleNumber } from "./article-number.js";

/** One censure of the decision's dispositif, about one article of the law. */
export type Censure =
  | { readonly kind: "article"; readonly article: string; readonly wording: string }
  | { readonly kind: "words"; readonly article: string; readonly words: string; readonly wording: string }
  | { readonly kind: "part"; readonly article: string; readonly part: string; readonly wording: string };

/** A decision as Navette stores it. */
export interface ConstitutionalDecision {
  /** "2025-885 DC". */
  readonly number: string;
  /** ISO date of the decision, when the page gives it. */
  readonly date: string | null;
  readonly censures: readonly Censure[];
}

/** The decision number as the Assemblée's dossiers give it (`numDecision`, `anneeDecision`). */
export function decisionNumberOf(details: Readonly<Record<string, string>>): string | null {
  const number = details["numDecision"];
  const year = details["anneeDecision"];
  if (!number || !year) return null;
  return /DC$/.test(number) ? number : `${/^\d{4}-/.test(number) ? number : `${year}-${number}`} DC`;
}

const NUMBER = String.raw`\d+(?:er)?(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?(?:\s+[A-Z]{1,2})?`;
/** « de l'article 16 » at the end of an item: the law's article it is about. */
const OF_ARTICLE = new RegExp(String.raw`(?<=^|\s)(?:de|à)\s+l['’]article\s+(${NUMBER})(?=\s*(?:de la loi\b|[;,.]|$))`, "g");
const WHOLE_ARTICLES = new RegExp(
  String.raw`^(?:l['’]article|les articles)\s+((?:${NUMBER})(?:\s*(?:,|et)\s*(?:${NUMBER}))*)(?:\s+de la loi\b.*)?$`,
);
const WORDS = /^les mots\s*:?\s*«\s*(.+?)\s*»\s+figurant\b/;
const PART = /^(?:le|la|les)\s+(.+?)\s+de\s+l['’]article\s/;

/** Canonical form of a law article number ("1er", "9 bis"), or null. */
function lawArticle(raw: string): string | null {
  return parseArticleNumber(raw)?.canonical ?? null;
}

/**
 * Reads the censures out of the items of a dispositif's first article (« Sont contraires à la
 * Constitution les dispositions suivantes de la loi … : – l'article 9 bis ; – les mots « … »
 * figurant au … de l'article 16 ; – le 2° de l'article 12 »). Items about a code article in the
 * wording a law article gave it (« l'article L. 851-3 du code …, dans sa rédaction résultant de
 * l'article 8 ») count for that law article. Items it cannot place are returned apart.
 */
export function readCensures(items: readonly string[]): { censures: Censure[]; unread: string[] } {
  const censures: Censure[] = [];
  const unread: string[] = [];
  for (const raw of items) {
    const wording = raw
      .replace(/^[-–—•]\s*/, "")
      .replace(/\s*[;.]$/, "")
      .trim();
    if (!wording) continue;
    const sentence = wording.charAt(0).toLowerCase() + wording.slice(1);
    const whole = WHOLE_ARTICLES.exec(sentence);
    if (whole) {
      const numbers = (whole[1] ?? "").split(/\s*(?:,|\bet\b)\s*/).map(lawArticle);
      if (numbers.every((n): n is string => n !== null)) {
        for (const article of numbers) censures.push({ kind: "article", article, wording });
        continue;
      }
    }
    const of = [...sentence.matchAll(OF_ARTICLE)].pop();
    const article = of ? lawArticle(of[1] ?? "") : null;
    if (!article) {
      unread.push(wording);
      continue;
    }
    const words = WORDS.exec(sentence);
    if (words) censures.push({ kind: "words", article, words: words[1] ?? "", wording });
    else censures.push({ kind: "part", article, part: PART.exec(sentence)?.[1] ?? wording, wording });
  }
  return { censures, unread };
}
