/**
 * Keeping the search index of a dossier up to date: the latest text of each provision and every
 * amendment.
 */
import { readJsonColumn, isAlineaList } from "../../db/store/json-columns.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { indexDossier, type SearchDocument } from "../../db/store/search.js";

/** Rebuilds the search documents of one dossier ("" for amendments without dossier). */
export async function indexDossierForSearch(handle: DatabaseHandle, dossierUid: string): Promise<number> {
  const { db } = handle;
  const documents: SearchDocument[] = [];
  if (dossierUid !== "") {
    const dossier = await db.selectFrom("dossiers").select("title").where("uid", "=", dossierUid).executeTakeFirst();
    const states = await db
      .selectFrom("provision_states")
      .select(["provision_id", "number", "status", "alineas", "step_position"])
      .where("dossier_uid", "=", dossierUid)
      .orderBy("provision_id")
      .orderBy("step_position")
      .execute();
    const latest = new Map<string, (typeof states)[number]>();
    for (const s of states)
      if (s.status !== "absent" && readJsonColumn(s.alineas, isAlineaList, "provision_states.alineas").length > 0)
        latest.set(s.provision_id, s);
    for (const [ref, s] of latest) {
      const alineas = readJsonColumn(s.alineas, isAlineaList, "provision_states.alineas");
      // Named as in the navette, with the law's number once renumbered: « Article 15 ter → 18 ».
      const first = ref.split("@")[0] ?? s.number;
      documents.push({
        kind: "article",
        ref,
        title: `Article ${first === s.number ? s.number : `${first} → ${s.number}`} — ${dossier?.title ?? dossierUid}`,
        body: alineas.map((a) => a.text).join("\n"),
      });
    }
  }
  const amendments = await db
    .selectFrom("amendments")
    .select(["uid", "number_long", "target_article", "author_name", "dispositif_text", "expose_text", "notice"])
    .where((eb) => (dossierUid === "" ? eb("dossier_uid", "is", null) : eb("dossier_uid", "=", dossierUid)))
    .execute();
  for (const a of amendments) {
    documents.push({
      kind: "amendement",
      ref: a.uid,
      title: `Amendement ${a.number_long}${a.target_article ? ` (article ${a.target_article})` : ""}${a.author_name ? ` — ${a.author_name}` : ""}`,
      body: [a.dispositif_text, a.expose_text, a.notice].filter(Boolean).join("\n"),
    });
  }
  await indexDossier(db, handle.dialect, dossierUid, documents);
  return documents.length;
}
