/**
 * Decisions of the Conseil constitutionnel (`constitutional_decisions`): the decision number
 * (« 2025-885 DC »), its date, the censures of its dispositif (JSON, see
 * src/domain/constitutional-decision.ts) and where it was read. The navette analysis applies them
 * at the dossier's Conseil constitutionnel step.
 */
import type { Kysely } from "kysely";

/** Creates constitutional_decisions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("constitutional_decisions")
    .addColumn("number", "text", (c) => c.primaryKey())
    .addColumn("decided_on", "text")
    .addColumn("censures", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
}
