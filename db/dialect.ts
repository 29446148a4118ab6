/**
 * The two databases Navette runs on, and the few column types that differ between them.
 */
import type { ColumnDataType } from "kysely";

/** SQLite (embedded default) or PostgreSQL (scale-out). */
export type Dialect = "sqlite" | "postgres";

/** Column type of an auto-assigned integer id. */
export function idColumn(dialect: Dialect): ColumnDataType {
  return dialect === "postgres" ? "serial" : "integer";
}
