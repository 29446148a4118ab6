/**
 * A search that names an article: « article 8 ter », « 8 ter », « art. 15 ter » (an article of a
 * bill) or « L. 851-3 », « article 706-102-1 » (an article of a code). Such a query lists that
 * article's amendments and texts first, before what the full text finds.
 */
import { parseArticleNumber } from "./article-number.js";
import { normaliseArticle } from "./tagging/citations.js";

/** What an article query names. */
export type ArticleReference =
  { readonly kind: "article"; readonly number: string; readonly sortKey: string } | { readonly kind: "code"; readonly article: string };

/** The article a query names, or null when it is not (only) an article reference. */
export function articleReference(query: string): ArticleReference | null {
  const rest = query
    .trim()
    .replace(/^(?:l['’]\s*)?(?:articles?|art\.?)\s*/iu, "")
    .trim();
  if (rest === "" || rest.length > 30) return null;
  if (/^(?:[LRD]\.?\s*)?\d+(?:\s*[-‑–]\s*\d+)+$/iu.test(rest) || /^[LRD]\.?\s*\d+$/iu.test(rest))
    return { kind: "code", article: normaliseArticle(rest) };
  const number = parseArticleNumber(rest);
  return number && !number.special ? { kind: "article", number: number.canonical, sortKey: number.sortKey } : null;
}
