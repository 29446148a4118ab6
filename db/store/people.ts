/**
 * Acteurs and organes (AN "AMO" data): stored as published, re-imports writing only what
 * changed; and the names pages and feeds show for the codes amendments carry.
 */
import type { Kysely } from "kysely";
import { authorLabel, type ActorRecord, type OrganRecord } from "../../src/domain/people.js";
import type { Database } from "../schema.js";
import { chunk, emptyCounts, nowIso, type StoreCounts } from "./common.js";
import { bumpDataVersion } from "./data-version.js";

const CHUNK = 400;

/** Stores a batch of acteurs and organes in one transaction; unchanged ones cause no write. */
export async function storePeople(
  db: Kysely<Database>,
  actors: readonly ActorRecord[],
  organs: readonly OrganRecord[],
): Promise<StoreCounts> {
  const counts = emptyCounts();
  if (actors.length === 0 && organs.length === 0) return counts;
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const actorRows = new Map(
      actors.map((a) => [a.uid, { uid: a.uid, civility: a.civility, first_name: a.firstName, last_name: a.lastName }]),
    );
    const organRows = new Map(
      organs.map((o) => [o.uid, { uid: o.uid, kind: o.kind, name: o.name, abbreviation: o.abbreviation, legislature: o.legislature }]),
    );
    for (const uids of chunk([...actorRows.keys()], CHUNK)) {
      const known = new Map((await trx.selectFrom("actors").selectAll().where("uid", "in", uids).execute()).map((r) => [r.uid, r]));
      for (const uid of uids) {
        const row = actorRows.get(uid)!;
        const old = known.get(uid);
        if (!old)
          await trx
            .insertInto("actors")
            .values({ ...row, updated_at: now })
            .execute();
        else if (differs(row, old))
          await trx
            .updateTable("actors")
            .set({ ...row, updated_at: now })
            .where("uid", "=", uid)
            .execute();
        counts[!old ? "created" : differs(row, old) ? "changed" : "unchanged"]++;
      }
    }
    for (const uids of chunk([...organRows.keys()], CHUNK)) {
      const known = new Map((await trx.selectFrom("organs").selectAll().where("uid", "in", uids).execute()).map((r) => [r.uid, r]));
      for (const uid of uids) {
        const row = organRows.get(uid)!;
        const old = known.get(uid);
        if (!old)
          await trx
            .insertInto("organs")
            .values({ ...row, updated_at: now })
            .execute();
        else if (differs(row, old))
          await trx
            .updateTable("organs")
            .set({ ...row, updated_at: now })
            .where("uid", "=", uid)
            .execute();
        counts[!old ? "created" : differs(row, old) ? "changed" : "unchanged"]++;
      }
    }
    if (counts.created + counts.changed > 0) await bumpDataVersion(trx);
  });
  return counts;
}

function differs<T extends object>(row: T, old: T): boolean {
  return (Object.keys(row) as Array<keyof T>).some((key) => row[key] !== old[key]);
}

/** The persons and groups of some codes, for labels (« M. Alain David (SOC) »). */
export interface PeopleNames {
  readonly actors: ReadonlyMap<string, ActorRecord>;
  readonly organs: ReadonlyMap<string, OrganRecord>;
}

/** Loads the persons and bodies the codes name (unknown codes are left out). */
export async function loadPeopleNames(
  db: Kysely<Database>,
  actorRefs: ReadonlyArray<string | null>,
  organRefs: ReadonlyArray<string | null>,
): Promise<PeopleNames> {
  const actors = new Map<string, ActorRecord>();
  const organs = new Map<string, OrganRecord>();
  const wanted = (refs: ReadonlyArray<string | null>) => [...new Set(refs.filter((r): r is string => !!r))];
  for (const uids of chunk(wanted(actorRefs), CHUNK)) {
    for (const r of await db.selectFrom("actors").selectAll().where("uid", "in", uids).execute())
      actors.set(r.uid, { uid: r.uid, civility: r.civility, firstName: r.first_name, lastName: r.last_name });
  }
  for (const uids of chunk(wanted(organRefs), CHUNK)) {
    for (const r of await db.selectFrom("organs").selectAll().where("uid", "in", uids).execute())
      organs.set(r.uid, { uid: r.uid, kind: r.kind, name: r.name, abbreviation: r.abbreviation, legislature: r.legislature });
  }
  return { actors, organs };
}

/** Rows naming an author: the published name and the codes of the person and of the group. */
export interface AuthoredRow {
  readonly author_name: string | null;
  readonly author_ref?: string | null;
  readonly group_ref?: string | null;
}

/**
 * The rows with `author_name` as pages show it (« M. Alain David (SOC) ») and their group's
 * full name, in one query per kind of code whatever the number of rows.
 */
export async function withAuthorLabels<T extends AuthoredRow>(
  db: Kysely<Database>,
  rows: readonly T[],
): Promise<Array<T & { author_name: string | null; group_name: string | null }>> {
  const names = await loadPeopleNames(
    db,
    rows.map((r) => r.author_ref ?? null),
    rows.map((r) => r.group_ref ?? null),
  );
  return rows.map((row) => {
    const actor = row.author_ref ? (names.actors.get(row.author_ref) ?? null) : null;
    const group = row.group_ref ? (names.organs.get(row.group_ref) ?? null) : null;
    return { ...row, author_name: authorLabel(row.author_name, actor, group), group_name: group?.name ?? null };
  });
}
