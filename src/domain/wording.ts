/**
 * How Navette writes things a reader reads, in French: dates (« 1er avril 2025 »), amendment
 * numbers (« 120 rect. »), authors (« Mme Durand », « rapporteure »), an amendment's outcome as a
 * sentence (« adopté en commission à l'Assemblée le 6 mars 2025 ») and extracts cut between words.
 * Pure functions, shared by pages and feeds so that both say the same thing the same way.
 */
import type { AmendmentOutcome } from "./amendment.js";
import { isRealDay } from "./calendar-date.js";

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

/**
 * « 2025-04-01 » → « 1er avril 2025 » (French writes the first of the month as an ordinal), null
 * when the value is not a real calendar date (« 2025-02-30 » is never shown as « 2 mars »).
 */
export function frenchDateOrNull(iso: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return null;
  return `${day === 1 ? "1er" : String(day)} ${MONTHS[month - 1]} ${year}`;
}

/**
 * An amendment's number as French typography writes it: « 939 (Rect) » → « 939 rect. »,
 * « II-1463 (2ème Rect) » → « II-1463 2e rect. ». Other numbers are returned as they are.
 */
export function amendmentNumberLabel(numberLong: string): string {
  return numberLong
    .replace(/\s*\((?:(\d+)\s*(?:e|è|ème|eme)\s*)?rect\.?\)/iu, (_m, n: string | undefined) => (n ? ` ${n}e rect.` : " rect."))
    .trim();
}

/** Particles kept in lower case inside a name written in capitals (« DE LA TOUR » → « de La Tour »). */
const PARTICLES = new Set(["de", "du", "des", "d", "von", "van", "di"]);

/**
 * A name as a person writes it: the Sénat prints surnames in capitals (« Mme DURAND »,
 * « M. LE RUDULIER ») → « Mme Durand », « M. Le Rudulier ». Names already in mixed case are kept.
 */
export function personDisplayName(name: string): string {
  return name.replace(/\p{Lu}[\p{Lu}'’-]*\p{Lu}/gu, (word, offset: number) => {
    const lower = word.toLocaleLowerCase("fr-FR");
    const capitalised = lower.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toLocaleUpperCase("fr-FR"));
    const before = name.slice(0, offset).trim();
    const isFirstAfterCivility = before === "" || /^(M\.|Mme|MM\.|Mmes)$/u.test(before);
    return !isFirstAfterCivility && PARTICLES.has(lower) ? lower : capitalised;
  });
}

/** True when a published name or civility says the person is a woman (« Mme »). */
const isFeminine = (name: string | null): boolean => /^(Mme|Mmes)\b/u.test(name ?? "");

/**
 * The role shown beside an author, or null when the name says it all: a deputy or senator is
 * named, not labelled (« Mme Sandra Regol (ECOS) », never « … (Député) »); the Government, a
 * committee and a rapporteur are (« rapporteure » for a woman).
 */
export function authorRole(type: string, name: string | null): string | null {
  switch (type) {
    case "rapporteur":
      return isFeminine(name) ? "rapporteure" : "rapporteur";
    case "gouvernement":
      return name && /gouvernement/iu.test(name) ? null : "Gouvernement";
    case "commission":
      return name && /commission/iu.test(name) ? null : "commission";
    default:
      return null;
  }
}

/** The participle of an outcome, as in « l'amendement a été … ». */
const OUTCOME_PARTICIPLES: Readonly<Record<AmendmentOutcome, string>> = {
  adopte: "adopté",
  rejete: "rejeté",
  retire: "retiré",
  tombe: "tombé",
  non_soutenu: "non soutenu",
  irrecevable: "déclaré irrecevable",
  non_examine: "non examiné",
  satisfait: "satisfait ou sans objet",
  en_cours: "en attente",
  inconnu: "au sort inconnu",
};

/** True for the outcomes that end an amendment's life (a decision was taken). */
export function isDecided(outcome: AmendmentOutcome): boolean {
  return outcome !== "en_cours" && outcome !== "inconnu";
}

/**
 * An amendment's outcome as a sentence: « adopté en commission à l'Assemblée le 6 mars 2025 »,
 * « rejeté en séance au Sénat », « en attente ». Stage, chamber and date are said when known.
 */
export function outcomeSentence(
  outcome: AmendmentOutcome,
  where: { readonly stage: string | null; readonly chamber: string | null; readonly date: string | null },
): string {
  const parts = [OUTCOME_PARTICIPLES[outcome] ?? outcome];
  if (isDecided(outcome)) {
    if (where.stage === "commission") parts.push("en commission");
    else if (where.stage === "seance") parts.push("en séance");
    if (where.chamber === "AN") parts.push("à l'Assemblée");
    else if (where.chamber === "SN") parts.push("au Sénat");
    const date = frenchDateOrNull(where.date);
    if (date) parts.push(`le ${date}`);
  }
  return parts.join(" ");
}

/**
 * Where an amendment applies, after its number: « sur l'article 8 ter », « après l'article 8 »
 * (an additional article), « avant l'article 1er »; nothing when the article is not known.
 */
export function targetPhrase(target: {
  readonly kind: string | null;
  readonly position: string | null;
  readonly article: string | null;
}): string {
  if (!target.article) return "";
  if (target.kind === "article_additionnel" || target.kind === "division_additionnelle")
    return ` ${target.position === "avant" ? "avant" : "après"} l'article ${target.article}`;
  return ` sur l'article ${target.article}`;
}

/**
 * An article named by its navette number, with the law's beside it once known and different:
 * « 15 ter (art. 18 de la loi) ». One numbering at a time, everywhere.
 */
export function lawNumbered(numbers: { readonly navette: string; readonly law: string | null }): string {
  return numbers.law && numbers.law !== numbers.navette ? `${numbers.navette} (art. ${numbers.law} de la loi)` : numbers.navette;
}

/**
 * The start of a text, at most `max` characters, cut between two words (never « … ispositifs »),
 * with « … » when something was left out.
 */
export function cutOnWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max);
  const space = head.lastIndexOf(" ");
  const cut = space > max * 0.5 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.(–-]+$/u, "")} …`;
}

/** The words a theme's rules found in one alinéa, as the text writes them, each once. */
export interface FoundWords {
  readonly alinea: number;
  readonly words: readonly string[];
}

/**
 * A theme's evidence as a reader reads it: by alinéa, the words found as written (« services de
 * renseignement », « données »), never the rules' own syntax (wildcards, folded words, code patterns).
 */
export function foundWords(evidence: readonly { readonly alinea: number; readonly term: string }[]): FoundWords[] {
  const byAlinea = new Map<number, string[]>();
  for (const e of evidence) {
    const words = byAlinea.get(e.alinea) ?? [];
    const word = e.term.replace(/\s+/g, " ").trim();
    if (word && !words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word);
    byAlinea.set(e.alinea, words);
  }
  return [...byAlinea.entries()].sort(([a], [b]) => a - b).map(([alinea, words]) => ({ alinea, words }));
}

/** « alinéa 1 : « données de connexion », « services de renseignement » ; alinéa 2 : … ». */
export function foundWordsSentence(evidence: readonly { readonly alinea: number; readonly term: string }[]): string {
  return foundWords(evidence)
    .map((f) => `alinéa ${f.alinea} : ${f.words.map((w) => `« ${w} »`).join(", ")}`)
    .join(" ; ");
}

/**
 * The name of a bill known only by its amendments, from the numbers of its texts:
 * « Textes n° 907, 1043 et 1277 (dossier incomplet) ».
 */
export function partialDossierTitle(textNumbers: readonly string[]): string {
  const numbers = [...new Set(textNumbers)];
  if (numbers.length === 0) return "Texte connu par ses amendements (dossier incomplet)";
  const list = numbers.length === 1 ? numbers[0] : `${numbers.slice(0, -1).join(", ")} et ${numbers.at(-1)}`;
  return `${numbers.length === 1 ? "Texte" : "Textes"} n° ${list} (dossier incomplet)`;
}
