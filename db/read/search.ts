/**
 * What a search results page shows: the documents the full text finds, and before them, when the
 * query names an article (« 8 ter », « article 15 ter », « L. 851-3 »), that article's amendments
 * and texts. Each result carries what a reader needs to judge it without opening it: the article it
 * is about and, for an amendment, its outcome, chamber and stage.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect } from "../dialect.js";
import { searchDocuments, type SearchHit } from "../store/search.js";
import { articleReference, type ArticleReference } from "../../src/domain/search-query.js";
import { isAmendmentOutcome, type AmendmentOutcome } from "../../src/domain/amendment.js";

/** Results found through the article the query names, at most. */
const BY_ARTICLE = 60;

/** One search result. */
export interface SearchResult extends SearchHit {
  /** True when it was found because the query names its article. */
  readonly byArticle: boolean;
  /** The article it is about: the navette number, and the law's once known. */
  readonly article: { readonly navette: string; readonly law: string | null } | null;
  /** An amendment's number and fate; null for an article. */
  readonly amendment: {
    readonly number: string;
    readonly outcome: AmendmentOutcome;
    readonly chamber: string;
    readonly stage: string | null;
    readonly decidedAt: string | null;
    readonly targetKind: string;
    readonly targetPosition: string | null;
  } | null;
}

/** Search results for `query`, those of the article it names first, each with its outcome and article. */
export async function searchResults(db: Kysely<Database>, dialect: Dialect, query: string, kind: string | null): Promise<SearchResult[]> {
  const reference = articleReference(query);
  const named = reference ? await articleHits(db, reference, kind) : [];
  const seen = new Set(named.map((h) => `${h.kind}|${h.dossierUid}|${h.ref}`));
  const text = (await searchDocuments(db, dialect, query, { kind, limit: 50 })).filter(
    (h) => !seen.has(`${h.kind}|${h.dossierUid}|${h.ref}`),
  );
  return describeHits(db, [...named.map((h) => ({ hit: h, byArticle: true })), ...text.map((h) => ({ hit: h, byArticle: false }))]);
}

/** The documents of the amendments and provisions of the article a query names. */
async function articleHits(db: Kysely<Database>, reference: ArticleReference, kind: string | null): Promise<SearchHit[]> {
  const keys: Array<{ kind: string; dossierUid: string; ref: string }> = [];
  if (reference.kind === "article") {
    if (kind !== "amendement") {
      const provisions = await db
        .selectFrom("provisions")
        .select(["dossier_uid", "provision_id"])
        .where("last_number", "=", reference.number)
        .limit(20)
        .execute();
      keys.push(...provisions.map((p) => ({ kind: "article", dossierUid: p.dossier_uid, ref: p.provision_id })));
    }
    if (kind !== "article") {
      const amendments = await db
        .selectFrom("amendments")
        .select(["uid", "dossier_uid"])
        .where("target_article_sort_key", "=", reference.sortKey)
        .orderBy("target_article_sort_key")
        .orderBy("uid")
        .limit(BY_ARTICLE)
        .execute();
      keys.push(...amendments.map((a) => ({ kind: "amendement", dossierUid: a.dossier_uid ?? "", ref: a.uid })));
    }
  } else {
    const cited = await db
      .selectFrom("citations")
      .select(["subject_type", "dossier_uid", "subject_id"])
      .where("article", "=", reference.article)
      .orderBy("article")
      .orderBy("dossier_uid")
      .limit(BY_ARTICLE)
      .execute();
    for (const c of cited) {
      const citedKind = c.subject_type === "amendment" ? "amendement" : "article";
      if (kind === null || kind === citedKind) keys.push({ kind: citedKind, dossierUid: c.dossier_uid, ref: c.subject_id });
    }
  }
  return documentsOf(db, keys);
}

/** The stored search documents of `keys`, in the order of `keys`, each once. */
async function documentsOf(
  db: Kysely<Database>,
  keys: ReadonlyArray<{ kind: string; dossierUid: string; ref: string }>,
): Promise<SearchHit[]> {
  const unique = [...new Map(keys.map((k) => [`${k.kind}|${k.dossierUid}|${k.ref}`, k])).values()];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom("search_documents")
    .select(["kind", "ref", "dossier_uid", "title", "body"])
    .where((eb) => eb.or(unique.map((k) => eb.and([eb("kind", "=", k.kind), eb("dossier_uid", "=", k.dossierUid), eb("ref", "=", k.ref)]))))
    .execute();
  const byKey = new Map(rows.map((r) => [`${r.kind}|${r.dossier_uid}|${r.ref}`, r]));
  return unique.flatMap((k) => {
    const r = byKey.get(`${k.kind}|${k.dossierUid}|${k.ref}`);
    return r ? [{ kind: r.kind, ref: r.ref, dossierUid: r.dossier_uid, title: r.title, body: r.body }] : [];
  });
}

/** Each hit with its article and, for an amendment, its outcome. */
async function describeHits(db: Kysely<Database>, hits: ReadonlyArray<{ hit: SearchHit; byArticle: boolean }>): Promise<SearchResult[]> {
  const amendmentUids = hits.filter((h) => h.hit.kind === "amendement").map((h) => h.hit.ref);
  const amendments = amendmentUids.length
    ? await db
        .selectFrom("amendments")
        .select(["uid", "number_long", "outcome", "chamber", "stage", "decided_at", "target_kind", "target_position", "target_article"])
        .select(["dossier_uid", "provision_id"])
        .where("uid", "in", amendmentUids)
        .execute()
    : [];
  const byUid = new Map(amendments.map((a) => [a.uid, a]));
  const provisionKeys = [
    ...hits.filter((h) => h.hit.kind === "article").map((h) => ({ dossier: h.hit.dossierUid, id: h.hit.ref })),
    ...amendments.filter((a) => a.provision_id && a.dossier_uid).map((a) => ({ dossier: a.dossier_uid!, id: a.provision_id! })),
  ];
  const provisions = provisionKeys.length
    ? await db
        .selectFrom("provisions")
        .select(["dossier_uid", "provision_id", "last_number", "law_number"])
        .where((eb) => eb.or(provisionKeys.map((k) => eb.and([eb("dossier_uid", "=", k.dossier), eb("provision_id", "=", k.id)]))))
        .execute()
    : [];
  const numbers = new Map(provisions.map((p) => [`${p.dossier_uid}/${p.provision_id}`, { navette: p.last_number, law: p.law_number }]));
  return hits.map(({ hit, byArticle }) => {
    if (hit.kind === "article") return { ...hit, byArticle, article: numbers.get(`${hit.dossierUid}/${hit.ref}`) ?? null, amendment: null };
    const a = byUid.get(hit.ref);
    const linked = a?.provision_id ? numbers.get(`${a.dossier_uid ?? ""}/${a.provision_id}`) : undefined;
    const article = linked ?? (a?.target_article ? { navette: a.target_article, law: null } : null);
    return {
      ...hit,
      byArticle,
      article,
      amendment: a
        ? {
            number: a.number_long,
            outcome: isAmendmentOutcome(a.outcome) ? a.outcome : "inconnu",
            chamber: a.chamber,
            stage: a.stage,
            decidedAt: a.decided_at,
            targetKind: a.target_kind,
            targetPosition: a.target_position,
          }
        : null,
    };
  });
}
