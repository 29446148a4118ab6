/**
 * The amendment counts the pages read (kept at write time), and the same counts recomputed from
 * the amendments themselves: tests compare the two after every kind of write.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

/** Stored and recomputed counts, as sorted "dossier|facet|key|outcome=n" lines. */
export async function countsAndRecount(db: Kysely<Database>): Promise<{ stored: string[]; recount: string[] }> {
  const stored = await db
    .selectFrom("amendment_counts")
    .select(["dossier_uid", "facet", "key", "outcome", "n"])
    .orderBy(["dossier_uid", "facet", "key", "outcome"])
    .execute();
  const rows = await db.selectFrom("amendments").select(["dossier_uid", "text_uid", "provision_id", "outcome"]).execute();
  const recount = new Map<string, number>();
  for (const r of rows.filter((row) => row.dossier_uid !== null)) {
    for (const [facet, key] of [
      ["dossier", ""],
      ["text", r.text_uid ?? ""],
      ["provision", r.provision_id ?? ""],
    ]) {
      const id = [r.dossier_uid, facet, key, r.outcome].join("|");
      recount.set(id, (recount.get(id) ?? 0) + 1);
    }
  }
  const line = (id: string, n: number) => `${id}=${n}`;
  return {
    stored: stored.map((r) => line([r.dossier_uid, r.facet, r.key, r.outcome].join("|"), Number(r.n))).sort(),
    recount: [...recount].map(([id, n]) => line(id, n)).sort(),
  };
}
