/**
 * Amendment counts kept at write time: the amendment store records what each batch adds and
 * removes, then applies the differences in the same transaction, so that the home and bill pages
 * read a few summary rows instead of counting every amendment on every request.
 */
import { sql, type Kysely } from "kysely";
import type { AmendmentCountFacet, Database } from "../schema.js";

/** The fields of an amendment that its counts depend on. */
export interface CountedAmendment {
  readonly dossier_uid?: string | null;
  readonly text_uid?: string | null;
  readonly provision_id?: string | null;
  readonly outcome: string;
}

/** Differences to the stored counts, accumulated over one batch. */
export class AmendmentCountChanges {
  readonly #deltas = new Map<string, { dossier: string; facet: AmendmentCountFacet; key: string; outcome: string; n: number }>();

  /** Counts `amendment` once more (`sign` 1) or once less (`sign` -1); amendments of no dossier are not counted. */
  add(amendment: CountedAmendment, sign: 1 | -1): void {
    const dossier = amendment.dossier_uid ?? null;
    if (dossier === null) return;
    const facets: Array<[AmendmentCountFacet, string]> = [
      ["dossier", ""],
      ["text", amendment.text_uid ?? ""],
      ["provision", amendment.provision_id ?? ""],
    ];
    for (const [facet, key] of facets) {
      const id = JSON.stringify([dossier, facet, key, amendment.outcome]);
      const delta = this.#deltas.get(id) ?? { dossier, facet, key, outcome: amendment.outcome, n: 0 };
      delta.n += sign;
      this.#deltas.set(id, delta);
    }
  }

  /** Writes the differences (call inside the transaction that wrote the amendments). */
  async apply(trx: Kysely<Database>): Promise<void> {
    const rows = [...this.#deltas.values()].filter((d) => d.n !== 0);
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto("amendment_counts")
        .values(rows.slice(i, i + 200).map((d) => ({ dossier_uid: d.dossier, facet: d.facet, key: d.key, outcome: d.outcome, n: d.n })))
        .onConflict((oc) =>
          oc.columns(["dossier_uid", "facet", "key", "outcome"]).doUpdateSet({ n: sql<number>`amendment_counts.n + excluded.n` }),
        )
        .execute();
    }
    for (const d of rows.filter((row) => row.n < 0)) {
      await trx
        .deleteFrom("amendment_counts")
        .where("dossier_uid", "=", d.dossier)
        .where("facet", "=", d.facet)
        .where("key", "=", d.key)
        .where("outcome", "=", d.outcome)
        .where("n", "<=", 0)
        .execute();
    }
    this.#deltas.clear();
  }
}
