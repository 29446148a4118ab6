/**
 * Tagging a text (an article at one step, an amendment) with the themes whose rules it matches,
 * keeping the evidence of each tag: which rule, which words, in which alinéa, where. Pure.
 */
import { extractCitations, type Citation } from "./citations.js";
import { foldKeepingOffsets } from "./fold.js";
import { codeMatches, type RuleSet, type Term } from "./rules.js";

/** Why a text has a tag. */
export interface Evidence {
  /** The rule, in the words of the rules file: "terme « chiffr* »", "code CSI L. 851-*". */
  readonly rule: string;
  /** The words of the text that matched. */
  readonly term: string;
  readonly alinea: number;
  readonly start: number;
  readonly end: number;
}

/** A theme found in a text, with all its evidence. */
export interface TagMatch {
  readonly theme: string;
  readonly evidence: Evidence[];
}

interface Paragraph {
  readonly number: number;
  readonly text: string;
}

function find(term: Term, folded: string): Array<{ start: number; end: number }> {
  term.pattern.lastIndex = 0;
  return [...folded.matchAll(term.pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Tags a list of alinéas; citations may be given when already extracted. */
export function tagText(
  alineas: readonly Paragraph[],
  rules: RuleSet,
  citations: readonly Citation[] = extractCitations(alineas),
): TagMatch[] {
  const folded = alineas.map((a) => ({ ...a, folded: foldKeepingOffsets(a.text) }));
  const out: TagMatch[] = [];
  for (const theme of rules.themes) {
    const evidence: Evidence[] = [];
    for (const alinea of folded) {
      if (theme.except.some((t) => find(t, alinea.folded).length > 0)) continue;
      for (const term of theme.terms) {
        for (const hit of find(term, alinea.folded)) {
          evidence.push({
            rule: `terme « ${term.source} »`,
            term: alinea.text.slice(hit.start, hit.end),
            alinea: alinea.number,
            start: hit.start,
            end: hit.end,
          });
        }
      }
      for (const group of theme.together) {
        const hits = group.map((t) => find(t, alinea.folded)[0]);
        if (hits.every((h) => h !== undefined)) {
          for (const hit of hits as Array<{ start: number; end: number }>) {
            evidence.push({
              rule: `ensemble « ${group.map((t) => t.source).join(" + ")} »`,
              term: alinea.text.slice(hit.start, hit.end),
              alinea: alinea.number,
              start: hit.start,
              end: hit.end,
            });
          }
        }
      }
    }
    for (const citation of citations) {
      if (citation.reference) continue;
      const pattern = theme.codes.find((p) => codeMatches(p, citation.code, citation.article));
      if (!pattern) continue;
      const alinea = folded.find((a) => a.number === citation.alinea);
      if (alinea && theme.except.some((t) => find(t, alinea.folded).length > 0)) continue;
      evidence.push({
        rule: `code ${pattern.source}`,
        term: `${citation.code} ${citation.article}`,
        alinea: citation.alinea,
        start: citation.start,
        end: citation.end,
      });
    }
    if (evidence.length > 0) out.push({ theme: theme.id, evidence: evidence.sort((a, b) => a.alinea - b.alinea || a.start - b.start) });
  }
  return out;
}
