/**
 * The database a command works on: opened from the configuration and migrated.
 */
import { openDatabase, type DatabaseHandle } from "../../db/connection.js";
import { migrateToLatest } from "../../db/migrate.js";
import type { Config } from "../config.js";

/** Opens the configured database and brings its schema up to date, saying which migrations ran. */
export async function openMigrated(config: Config): Promise<DatabaseHandle> {
  const handle = openDatabase(config.databaseUrl, { poolMax: config.pgPoolMax });
  const applied = await migrateToLatest(handle);
  if (applied.length) console.error(`base ${handle.location} : migrations appliquées (${applied.join(", ")})`);
  return handle;
}
