/**
 * Storing a parsed text version: its divisions, articles and annexes replace the previous
 * content of that text in one transaction, only when the content changed; an event tells it.
 */
import type { Kysely } from "kysely";
import type { ParsedText } from "../../src/domain/bill-text.js";
import type { TextIdentity } from "../../ingest/texts/identity.js";
import type { Database } from "../schema.js";
import { contentHash, nowIso } from "./common.js";
import type { StoreContext } from "./amendments.js";
import { bumpDataVersion } from "./data-version.js";
import { eventOf } from "../../src/domain/events.js";

/**
 * Chooses the uid under which a text is stored: the explicit one, the uid in its address, a
 * known text whose uid ends like the address says (AN), a single known Sénat text with that
 * number, else the identity's fallback.
 */
export async function resolveTextUid(db: Kysely<Database>, identity: TextIdentity, explicit: string | null): Promise<string | null> {
  if (explicit) return explicit;
  if (identity.uid) return identity.uid;
  if (identity.anSuffix) {
    const rows = await db.selectFrom("texts").select("uid").where("uid", "like", `%R5${identity.anSuffix}`).execute();
    if (rows.length === 1) return rows[0]!.uid;
  }
  if (identity.senat) {
    const known = await knownSenateText(db, identity.senat);
    if (known) return known;
  }
  return identity.fallbackUid;
}

/**
 * The AN uid of a Sénat text known from a dossier: `ppl24-256` is the tabled or committee text
 * n° 256 of the 2024 session (`PIONSNR5S2024B0256` or `…BTC0256`), `tas24-059` the adopted text
 * (`…SNR5S2024BTA0059`). Null unless exactly one known text matches.
 */
async function knownSenateText(db: Kysely<Database>, senat: NonNullable<TextIdentity["senat"]>): Promise<string | null> {
  const number = senat.number.padStart(4, "0");
  const prefix = senat.kind === "ppl" ? "PIONSN" : senat.kind === "pjl" ? "PRJLSN" : senat.kind === "tas" ? "____SN" : null;
  if (!prefix) return null;
  const infixes = senat.kind === "tas" ? ["TA"] : ["", "TC"];
  // Uids carry the session as `S2024` (recent) or another code (`S319`): the year first, then any.
  for (const session of [String(senat.year), "%"]) {
    const rows = await db
      .selectFrom("texts")
      .select("uid")
      .where((eb) => eb.or(infixes.map((infix) => eb("uid", "like", `${prefix}R5S${session}B${infix}${number}`))))
      .execute();
    if (rows.length > 0) return rows.length === 1 ? rows[0]!.uid : null;
  }
  return null;
}

/** Whether the text was stored anew, changed, or already identical. */
export type TextStoreOutcome = "created" | "changed" | "unchanged";

/** Stores the content of one text version under `uid`. */
export async function storeTextContent(
  db: Kysely<Database>,
  uid: string,
  identity: TextIdentity,
  parsed: ParsedText,
  context: StoreContext,
): Promise<TextStoreOutcome> {
  const { warnings, ...content } = parsed;
  const hash = contentHash(content);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("texts")
      .select(["uid", "content_hash", "dossier_uid", "date"])
      .where("uid", "=", uid)
      .executeTakeFirst();
    if (existing?.content_hash === hash) return "unchanged";
    await bumpDataVersion(trx);
    const now = nowIso();
    const fields = {
      format: parsed.format,
      source: context.sourceFile,
      content_hash: hash,
      parsed_at: now,
      outcome: parsed.outcome,
      warnings: JSON.stringify(warnings),
      full_title: parsed.title,
      updated_at: now,
    };
    if (existing) {
      await trx.updateTable("texts").set(fields).where("uid", "=", uid).execute();
      for (const table of ["text_divisions", "text_articles", "text_annexes"] as const) {
        await trx.deleteFrom(table).where("text_uid", "=", uid).execute();
      }
    } else {
      await trx
        .insertInto("texts")
        .values({
          uid,
          dossier_uid: null,
          chamber: identity.chamber,
          number: identity.number ?? parsed.metadata["numero"] ?? null,
          title: null,
          kind: identity.role,
          date: null,
          created_at: now,
          ...fields,
        })
        .execute();
    }
    if (parsed.divisions.length) {
      await trx
        .insertInto("text_divisions")
        .values(
          parsed.divisions.map((d, position) => ({
            text_uid: uid,
            division_id: d.id,
            position,
            parent_id: d.parentId,
            kind: d.kind,
            number: d.number,
            heading: d.heading,
            markers: JSON.stringify(d.markers),
          })),
        )
        .execute();
    }
    for (let start = 0; start < parsed.articles.length; start += 100) {
      await trx
        .insertInto("text_articles")
        .values(
          parsed.articles.slice(start, start + 100).map((a, i) => ({
            text_uid: uid,
            position: start + i,
            number: a.number,
            sort_key: a.sortKey,
            heading: a.heading,
            status: a.status,
            markers: JSON.stringify(a.markers),
            division_id: a.divisionId,
            alineas: JSON.stringify(a.alineas),
            group_numbers: a.group ? JSON.stringify(a.group) : null,
            open_range: a.openRange ? JSON.stringify(a.openRange) : null,
            duplicate: a.duplicate ? 1 : 0,
          })),
        )
        .execute();
    }
    if (parsed.annexes.length) {
      await trx
        .insertInto("text_annexes")
        .values(parsed.annexes.map((x, position) => ({ text_uid: uid, position, title: x.title, alineas: JSON.stringify(x.alineas) })))
        .execute();
    }
    await trx
      .insertInto("events")
      .values({
        ...eventOf(existing?.content_hash ? "text.revised" : "text.published", {
          articles: parsed.articles.length,
          format: parsed.format,
          outcome: parsed.outcome,
        }),
        subject_type: "text",
        subject_id: uid,
        dossier_uid: existing?.dossier_uid ?? null,
        text_uid: uid,
        article: null,
        // When the text came out in Parliament (its deposit or adoption date), when known.
        occurred_at: existing?.date ?? null,
        recorded_at: now,
        run_id: context.runId,
      })
      .execute();
    return existing?.content_hash ? "changed" : "created";
  });
}
