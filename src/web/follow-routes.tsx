/**
 * Followed bills in the web UI: everyone sees `/suivis` (what is followed and how the last sync
 * went); staff and admins follow a bill by pasting its address, or stop following it.
 */
import type { Context, Hono } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { audit } from "../../db/store/accounts.js";
import { followDossier, listFollowed, unfollowDossier } from "../../db/store/followed.js";
import { readJsonColumn } from "../../db/store/json-columns.js";
import { hasRole } from "../accounts/roles.js";
import { parseFollowAddress } from "../domain/follow-address.js";
import { FollowedPage } from "../../views/followed.js";
import type { FollowedView, SyncDigest } from "../../views/models.js";
import type { SessionVariables } from "./session.js";
import { textOf } from "./text.js";

type Env = { Variables: SessionVariables };

/** Registers GET /suivis, POST /suivis and POST /suivis/:id/arreter. */
export function followRoutes(app: Hono<Env>, db: Kysely<Database>): void {
  app.get("/suivis", async (c) => c.html(<FollowedPage followed={await followedViews(db)} staff={staffForm(c)} />));

  app.post("/suivis", async (c) => {
    const refused = refuse(c);
    if (refused) return refused;
    const address = textOf((await c.req.parseBody())["adresse"]).slice(0, 500);
    const target = parseFollowAddress(address);
    if ("error" in target) {
      const staff = { ...staffForm(c)!, error: `Adresse non reconnue : ${target.error}`, address };
      return c.html(<FollowedPage followed={await followedViews(db)} staff={staff} />, 400);
    }
    const user = c.get("visitor").user!;
    const { id } = await followDossier(db, target, address.trim(), user.displayName);
    await audit(db, { userId: user.id, action: "dossier.followed", detail: { source: target.source, key: target.key, id }, ip: null });
    return c.redirect("/suivis", 303);
  });

  app.post("/suivis/:id/arreter", async (c) => {
    const refused = refuse(c);
    if (refused) return refused;
    const followed = (await listFollowed(db)).find((f) => String(f.id) === c.req.param("id"));
    if (followed) {
      await unfollowDossier(db, followed);
      const user = c.get("visitor").user!;
      await audit(db, { userId: user.id, action: "dossier.unfollowed", detail: { source: followed.source, key: followed.key }, ip: null });
    }
    return c.redirect("/suivis", 303);
  });
}

/** The form's state for staff and admins, null for everyone else. */
function staffForm(c: Context<Env>): { csrf: string } | null {
  const visitor = c.get("visitor");
  return visitor.user && hasRole(visitor.user.role, "staff") ? { csrf: visitor.csrfToken } : null;
}

function refuse(c: Context<Env>): Response | null {
  const user = c.get("visitor").user;
  if (!user) return c.text("Connectez-vous pour suivre un texte.", 401);
  if (!hasRole(user.role, "staff")) return c.text("Seule l'équipe peut suivre un texte ou arrêter de le suivre.", 403);
  return null;
}

/** The followed bills with their dossier's title and last sync: the page's one read. */
async function followedViews(db: Kysely<Database>): Promise<FollowedView[]> {
  const followed = await listFollowed(db);
  const uids = followed.map((f) => f.dossierUid).filter((u): u is string => u !== null);
  const dossiers = uids.length ? await db.selectFrom("dossiers").select(["uid", "title"]).where("uid", "in", uids).execute() : [];
  const titles = new Map(dossiers.map((d) => [d.uid, d.title]));
  return followed.map((f) => ({
    id: f.id,
    source: f.source,
    key: f.key,
    address: f.address,
    dossier: f.dossierUid && titles.has(f.dossierUid) ? { uid: f.dossierUid, title: titles.get(f.dossierUid)! } : null,
    lastSyncAt: f.lastSyncAt,
    lastSyncStatus: f.lastSyncStatus,
    digest: syncDigest(f.lastSyncSummary),
  }));
}

/** A stored sync summary's files and counts, as far as the page reads them. */
interface StoredSync {
  readonly files: ReadonlyArray<{ about: string; url: string; outcome: string; message: string | null }>;
  readonly counts: { created: number; changed: number };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

const isStoredSync = (value: unknown): value is StoredSync =>
  isRecord(value) &&
  Array.isArray(value["files"]) &&
  value["files"].every(
    (f: unknown) => isRecord(f) && typeof f["about"] === "string" && typeof f["url"] === "string" && typeof f["outcome"] === "string",
  ) &&
  isRecord(value["counts"]) &&
  typeof value["counts"]["created"] === "number" &&
  typeof value["counts"]["changed"] === "number";

/** What the page shows of the last sync (src/importer/sync.ts wrote it as JSON). */
function syncDigest(json: string | null): SyncDigest | null {
  if (!json) return null;
  const { files, counts } = readJsonColumn(json, isStoredSync, "followed_dossiers.last_sync_summary");
  const count = (outcome: string) => files.filter((f) => f.outcome === outcome).length;
  return {
    imported: count("imported"),
    unchanged: count("unchanged"),
    missing: count("missing"),
    failed: count("failed"),
    created: counts.created,
    changed: counts.changed,
    problems: files.flatMap((f) => (f.outcome === "missing" || f.outcome === "failed" ? [{ ...f, outcome: f.outcome }] : [])),
  };
}
