/**
 * Stores which provision each amendment of a dossier is about (computed by the analysis, see
 * src/domain/navette/amendment-links.ts), and recounts the dossier's amendments by provision in
 * the same transaction. Nothing is written when every link is already the one computed.
 */
import { sql, type Kysely } from "kysely";
import type { ProvisionLink } from "../../src/domain/navette/amendment-links.js";
import type { Database } from "../schema.js";
import { chunk } from "./common.js";
import { bumpDataVersion } from "./data-version.js";

/** Sets the links of the dossier's amendments (amendments absent from `links` are unattached); returns how many changed. */
export async function storeAmendmentLinks(
  db: Kysely<Database>,
  dossierUid: string,
  links: ReadonlyMap<string, ProvisionLink>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("amendments")
      .select(["uid", "provision_id", "provision_link"])
      .where("dossier_uid", "=", dossierUid)
      .execute();
    // Changed amendments grouped by their new link, to update each group at once.
    const groups = new Map<string, { provisionId: string | null; kind: ProvisionLink["kind"] | null; uids: string[] }>();
    for (const row of rows) {
      const link = links.get(row.uid);
      const provisionId = link?.provisionId ?? null;
      const kind = link?.kind ?? null;
      if (row.provision_id === provisionId && row.provision_link === kind) continue;
      const key = JSON.stringify([provisionId, kind]);
      const group = groups.get(key) ?? { provisionId, kind, uids: [] };
      group.uids.push(row.uid);
      groups.set(key, group);
    }
    if (groups.size === 0) return 0;
    let changed = 0;
    for (const group of groups.values()) {
      for (const uids of chunk(group.uids, 500)) {
        await trx
          .updateTable("amendments")
          .set({ provision_id: group.provisionId, provision_link: group.kind })
          .where("uid", "in", uids)
          .execute();
        changed += uids.length;
      }
    }
    await trx.deleteFrom("amendment_counts").where("dossier_uid", "=", dossierUid).where("facet", "=", "provision").execute();
    await sql`insert into amendment_counts (dossier_uid, facet, key, outcome, n)
      select dossier_uid, 'provision', coalesce(provision_id, ''), outcome, count(*) from amendments
      where dossier_uid = ${dossierUid} group by dossier_uid, coalesce(provision_id, ''), outcome`.execute(trx);
    await bumpDataVersion(trx);
    return changed;
  });
}
