/**
 * A bill known only by its amendments: what a dump of amendments says about it before its dossier
 * is imported (the usual first step). Its texts, each article with its amendments and their
 * outcomes, read from the amendments alone; the page marks it partial and says how to complete it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { isAmendmentOutcome, type AmendmentOutcome } from "../../src/domain/amendment.js";

/** Amendments read for one partial bill, at most (a bill's amendments beyond are counted, not listed). */
const LISTED = 5000;

/** One amendment as the partial bill page lists it. */
export interface PartialAmendment {
  readonly uid: string;
  readonly numberLong: string;
  readonly outcome: AmendmentOutcome;
  readonly chamber: string;
  readonly stage: string | null;
}

/** One text the amendments were filed on. */
export interface PartialText {
  readonly textUid: string;
  readonly textNumber: string | null;
  readonly chamber: string;
  readonly stage: string | null;
  readonly amendments: number;
  readonly adopted: number;
}

/** One article (or « après l'article … », or a title) and its amendments, in the text's order. */
export interface PartialArticle {
  /** « Article 8 ter », « Après l'article 8 », « Titre » … */
  readonly label: string;
  readonly amendments: readonly PartialAmendment[];
}

/** A bill known only by its amendments. */
export interface PartialDossier {
  readonly uid: string;
  readonly legislature: string | null;
  readonly total: number;
  readonly outcomes: ReadonlyMap<AmendmentOutcome, number>;
  readonly texts: readonly PartialText[];
  readonly articles: readonly PartialArticle[];
  /** True when more amendments exist than the page lists. */
  readonly truncated: boolean;
}

/** A bill with amendments and no dossier, as the list of bills shows it. */
export interface PartialDossierSummary {
  readonly uid: string;
  readonly amendments: number;
  readonly adopted: number;
  /** The texts its amendments were filed on (« PIONANR5L17B0907 »). */
  readonly textUids: readonly string[];
}

/** The bills with amendments and no dossier, from the counts kept at write time. */
export async function dossiersKnownByAmendments(db: Kysely<Database>): Promise<PartialDossierSummary[]> {
  const rows = await db
    .selectFrom("amendment_counts")
    .leftJoin("dossiers", "dossiers.uid", "amendment_counts.dossier_uid")
    .select([
      "amendment_counts.dossier_uid",
      "amendment_counts.facet",
      "amendment_counts.key",
      "amendment_counts.outcome",
      "amendment_counts.n",
    ])
    .where("amendment_counts.facet", "in", ["dossier", "text"])
    .where("dossiers.uid", "is", null)
    .where("amendment_counts.dossier_uid", "!=", "")
    .execute();
  const byUid = new Map<string, { uid: string; amendments: number; adopted: number; textUids: string[] }>();
  for (const r of rows) {
    const entry = byUid.get(r.dossier_uid) ?? { uid: r.dossier_uid, amendments: 0, adopted: 0, textUids: [] };
    if (r.facet === "dossier") {
      entry.amendments += Number(r.n);
      if (r.outcome === "adopte") entry.adopted += Number(r.n);
    } else if (r.key && !entry.textUids.includes(r.key)) entry.textUids.push(r.key);
    byUid.set(r.dossier_uid, entry);
  }
  return [...byUid.values()].filter((d) => d.amendments > 0);
}

/** What the amendments say of bill `uid`, or null when no amendment names it. */
export async function getPartialDossier(db: Kysely<Database>, uid: string): Promise<PartialDossier | null> {
  const rows = await db
    .selectFrom("amendments")
    .select(["uid", "number_long", "outcome", "chamber", "stage", "legislature", "text_uid", "text_number"])
    .select(["target_kind", "target_label", "target_article", "target_position", "target_article_sort_key"])
    .where("dossier_uid", "=", uid)
    .orderBy("target_article_sort_key")
    .orderBy("discussion_order")
    .orderBy("uid")
    .limit(LISTED + 1)
    .execute();
  if (rows.length === 0) return null;
  const counted = await db
    .selectFrom("amendment_counts")
    .select(["outcome", "n"])
    .where("facet", "=", "dossier")
    .where("dossier_uid", "=", uid)
    .execute();
  const outcomes = new Map<AmendmentOutcome, number>();
  for (const c of counted) if (isAmendmentOutcome(c.outcome)) outcomes.set(c.outcome, (outcomes.get(c.outcome) ?? 0) + Number(c.n));
  const listed = rows.slice(0, LISTED);
  return {
    uid,
    legislature: listed.find((r) => r.legislature)?.legislature ?? null,
    total: [...outcomes.values()].reduce((sum, n) => sum + n, 0) || listed.length,
    outcomes,
    texts: textsOf(listed),
    articles: articlesOf(listed),
    truncated: rows.length > LISTED,
  };
}

type Row = Readonly<{
  uid: string;
  number_long: string;
  outcome: string;
  chamber: string;
  stage: string | null;
  text_uid: string | null;
  text_number: string | null;
  target_kind: string;
  target_label: string | null;
  target_article: string | null;
  target_position: string | null;
}>;

function textsOf(rows: readonly Row[]): PartialText[] {
  const texts = new Map<
    string,
    { textUid: string; textNumber: string | null; chamber: string; stage: string | null; amendments: number; adopted: number }
  >();
  for (const r of rows) {
    if (!r.text_uid) continue;
    const text = texts.get(r.text_uid) ?? {
      textUid: r.text_uid,
      textNumber: r.text_number,
      chamber: r.chamber,
      stage: r.stage,
      amendments: 0,
      adopted: 0,
    };
    text.amendments += 1;
    if (r.outcome === "adopte") text.adopted += 1;
    texts.set(r.text_uid, text);
  }
  return [...texts.values()].sort((a, b) => (a.textNumber ?? "").localeCompare(b.textNumber ?? "", "fr", { numeric: true }));
}

function targetLabel(r: Row): string {
  if (r.target_article && (r.target_kind === "article_additionnel" || r.target_kind === "division_additionnelle"))
    return `${r.target_position === "avant" ? "Avant" : "Après"} l'article ${r.target_article}`;
  if (r.target_article) return `Article ${r.target_article}`;
  return r.target_label ?? "Sans article visé";
}

function articlesOf(rows: readonly Row[]): PartialArticle[] {
  const articles = new Map<string, PartialAmendment[]>();
  for (const r of rows) {
    const label = targetLabel(r);
    const list = articles.get(label) ?? [];
    list.push({
      uid: r.uid,
      numberLong: r.number_long,
      outcome: isAmendmentOutcome(r.outcome) ? r.outcome : "inconnu",
      chamber: r.chamber,
      stage: r.stage,
    });
    articles.set(label, list);
  }
  return [...articles.entries()].map(([label, amendments]) => ({ label, amendments }));
}
