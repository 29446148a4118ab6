/**
 * Tagging a text (an article at one step, an amendment) with the themes whose rules it matches,
 * keeping the evidence of each tag: which rule, which words, in which alinéa, where. Pure.
 *
 * A term counts in its sentence: weak terms need a context word in the same sentence, an
 * exception cancels the theme's matches in its sentence, and a mention in an amendment's exposé
 * counts as the theme says (see {@link ExposeRule}).
 */
import { codeArticleLabel, extractCitations, type Citation } from "./citations.js";
import { foldKeepingOffsets } from "./fold.js";
import { codeMatches, EXPOSE_OPENING, type RuleSet, type Term, type Theme } from "./rules.js";

/** Why a text has a tag. */
export interface Evidence {
  /** The rule, in the words of the rules file: "terme « drone* » avec « camera* »", "code CSI L. 851-*". */
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

/** An alinéa to tag; `expose` marks the lines of an amendment's exposé (its explanation). */
export interface TaggedParagraph {
  readonly number: number;
  readonly text: string;
  readonly expose?: boolean;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** An alinéa folded once, its sentences, and the hits of each term already looked for. */
interface Prepared extends TaggedParagraph {
  readonly folded: string;
  readonly sentences: readonly Span[];
  readonly hits: Map<string, Span[]>;
}

/**
 * Sentence boundaries: ".", "!", "?", "…" or ";" followed by a space and a capital or a quote, or
 * the end. "L. 851-3" or "n° 2023-380 du" inside a sentence do not end it.
 */
const SENTENCE_END = /[.!?;…](?=\s+(?:[«"“(]|\p{Lu})|\s*$)/gu;

function sentencesOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + 1;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function prepare(paragraph: TaggedParagraph): Prepared {
  return { ...paragraph, folded: foldKeepingOffsets(paragraph.text), sentences: sentencesOf(paragraph.text), hits: new Map() };
}

function find(term: Term, alinea: Prepared): Span[] {
  const cached = alinea.hits.get(term.pattern.source);
  if (cached) return cached;
  term.pattern.lastIndex = 0;
  const found = alinea.folded.includes(term.anchor)
    ? [...alinea.folded.matchAll(term.pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
    : NO_HITS;
  alinea.hits.set(term.pattern.source, found);
  return found;
}

const NO_HITS: Span[] = [];

const sentenceAt = (alinea: Prepared, at: number): number => alinea.sentences.findIndex((s) => at >= s.start && at < s.end);

function evidenceOf(alinea: Prepared, rule: string, hit: Span): Evidence {
  return { rule, term: alinea.text.slice(hit.start, hit.end), alinea: alinea.number, start: hit.start, end: hit.end };
}

/** A weak term found without its context; `phrase`: the term has several words. */
interface Mention extends Evidence {
  readonly phrase: boolean;
}

/**
 * Evidence of a theme's terms in one alinéa, sentence by sentence; `mentions` are the weak terms
 * found without their context (they only count to tell a repeated subject from a passing mention).
 */
function termEvidence(theme: Theme, alinea: Prepared): { evidence: Evidence[]; mentions: Mention[] } {
  const blocked = new Set(theme.except.flatMap((t) => find(t, alinea).map((h) => sentenceAt(alinea, h.start))));
  const open = (hit: Span): boolean => !blocked.has(sentenceAt(alinea, hit.start));
  const evidence: Evidence[] = [];
  const mentions: Mention[] = [];
  for (const term of theme.terms) {
    for (const hit of find(term, alinea).filter(open)) evidence.push(evidenceOf(alinea, `terme « ${term.source} »`, hit));
  }
  for (const rule of theme.inContext) {
    const stopped = new Set(rule.except.flatMap((t) => find(t, alinea).map((h) => sentenceAt(alinea, h.start))));
    for (const term of rule.terms) {
      for (const hit of find(term, alinea).filter((h) => open(h) && !stopped.has(sentenceAt(alinea, h.start)))) {
        const sentence = sentenceAt(alinea, hit.start);
        const overlaps = (c: Span): boolean => c.start < hit.end && hit.start < c.end;
        const context = rule.context
          .map((c) => ({ c, at: find(c, alinea).find((h) => sentenceAt(alinea, h.start) === sentence && !overlaps(h)) }))
          .find((x) => x.at !== undefined);
        if (!context?.at) {
          mentions.push({ ...evidenceOf(alinea, `terme « ${term.source} », repris`, hit), phrase: term.source.includes(" ") });
          continue;
        }
        const name = `terme « ${term.source} » avec « ${context.c.source} »`;
        evidence.push(evidenceOf(alinea, name, hit), evidenceOf(alinea, name, context.at));
      }
    }
  }
  return { evidence, mentions };
}

function codeEvidence(theme: Theme, citations: readonly Citation[], byNumber: ReadonlyMap<number, Prepared>): Evidence[] {
  const out: Evidence[] = [];
  for (const citation of citations) {
    if (citation.reference) continue;
    const pattern = theme.codes.find((p) => codeMatches(p, citation.code, citation.article));
    if (!pattern) continue;
    const alinea = byNumber.get(citation.alinea);
    const sentence = alinea ? sentenceAt(alinea, citation.start) : -1;
    if (alinea && theme.except.some((t) => find(t, alinea).some((h) => sentenceAt(alinea, h.start) === sentence))) continue;
    out.push({
      rule: `code ${pattern.source}`,
      // As a reader names it (« article L. 851-3 du code de la sécurité intérieure »), not the rule's pattern.
      term: codeArticleLabel(citation.code, citation.article),
      alinea: citation.alinea,
      start: citation.start,
      end: citation.end,
    });
  }
  return out;
}

/**
 * Applies the theme's exposé rule to evidence found in the exposé (`ordinal`: a sentence's rank in
 * the exposé). Under "principal", the theme counts when the exposé names it in its opening, or in
 * two sentences at least: one with full evidence, the other may come back to the subject with a
 * weak term alone, the same word ("l'algorithme" after "la technique de l'algorithme") or a
 * weak phrase of the theme (« la conservation des données » around « les données de connexion »).
 * A single weak word other than the full match's ("caméras" near "algorithme") is a passing one.
 */
function keptFromExpose(theme: Theme, evidence: Evidence[], mentions: Mention[], ordinal: (e: Evidence) => number): Evidence[] {
  if (theme.expose === "oui" || evidence.length === 0) return evidence;
  if (theme.expose === "non") return [];
  const full = new Set(evidence.map(ordinal));
  if ([...full].some((n) => n < EXPOSE_OPENING)) return evidence;
  const words = new Set(evidence.map((e) => foldKeepingOffsets(e.term)));
  const repeats = mentions
    .filter((m) => !full.has(ordinal(m)) && (m.phrase || words.has(foldKeepingOffsets(m.term))))
    .map(({ phrase: _phrase, ...mention }) => mention);
  const sentences = new Set([...full, ...repeats.map(ordinal)]);
  return sentences.size >= 2 ? [...evidence, ...repeats] : [];
}

/** Rank of the sentence of a piece of evidence among the sentences of the exposé. */
function exposeOrdinal(prepared: readonly Prepared[]): (e: Evidence) => number {
  const firstSentence = new Map<number, number>();
  let count = 0;
  for (const alinea of prepared.filter((a) => a.expose)) {
    firstSentence.set(alinea.number, count);
    count += alinea.sentences.length;
  }
  return (e) => {
    const alinea = prepared.find((a) => a.number === e.alinea)!;
    return (firstSentence.get(e.alinea) ?? 0) + sentenceAt(alinea, e.start);
  };
}

/** Tags a list of alinéas; citations may be given when already extracted. */
export function tagText(
  alineas: readonly TaggedParagraph[],
  rules: RuleSet,
  citations: readonly Citation[] = extractCitations(alineas),
): TagMatch[] {
  const prepared = alineas.map(prepare);
  const byNumber = new Map(prepared.map((a) => [a.number, a]));
  const ordinal = exposeOrdinal(prepared);
  const out: TagMatch[] = [];
  for (const theme of rules.themes) {
    const found = prepared.map((a) => ({ alinea: a, ...termEvidence(theme, a) }));
    const all = [...found.flatMap((f) => f.evidence), ...codeEvidence(theme, citations, byNumber)];
    const inExpose = (e: Evidence): boolean => byNumber.get(e.alinea)?.expose === true;
    const main = all.filter((e) => !inExpose(e));
    const expose = all.filter(inExpose);
    const mentions = found.filter((f) => f.alinea.expose).flatMap((f) => f.mentions);
    const evidence = distinct([...main, ...(main.length > 0 ? expose : keptFromExpose(theme, expose, mentions, ordinal))]);
    if (evidence.length > 0) out.push({ theme: theme.id, evidence: evidence.sort((a, b) => a.alinea - b.alinea || a.start - b.start) });
  }
  return out;
}

/** One piece of evidence per place in the text (a context word shared by two terms is listed once). */
function distinct(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.alinea}:${e.start}:${e.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The alinéas of an amendment as the tagger reads them: its dispositif, then its exposé (marked). */
export function amendmentParagraphs(dispositif: string | null, expose: string | null): TaggedParagraph[] {
  const lines = (text: string | null, isExpose: boolean) =>
    (text ?? "")
      .split("\n")
      .filter((t) => t.trim() !== "")
      .map((t) => ({ text: t, expose: isExpose }));
  return [...lines(dispositif, false), ...lines(expose, true)].map((line, i) => ({ number: i + 1, ...line }));
}
