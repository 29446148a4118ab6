/**
 * A bill's amendments counted by the author's political group and by outcome, for the bill page's
 * picture of who pushed what and what came of it. One grouped query on the bill's amendments.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** One group's count for one outcome; `group` is the group's name (AMO data), else its code, else null. */
export interface GroupOutcomeCount {
  readonly group: string | null;
  readonly outcome: string;
  readonly n: number;
}

/** The amendments of bill `dossierUid` by group and outcome. */
export async function amendmentsByGroup(db: Kysely<Database>, dossierUid: string): Promise<GroupOutcomeCount[]> {
  const rows = await db
    .selectFrom("amendments")
    .leftJoin("organs", "organs.uid", "amendments.group_ref")
    .select(["amendments.group_ref", "organs.name", "amendments.outcome", (eb) => eb.fn.countAll<number>().as("n")])
    .where("amendments.dossier_uid", "=", dossierUid)
    .groupBy(["amendments.group_ref", "organs.name", "amendments.outcome"])
    .execute();
  return rows.map((r) => ({ group: r.name ?? r.group_ref, outcome: r.outcome, n: Number(r.n) }));
}
