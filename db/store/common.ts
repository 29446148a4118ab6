/**
 * Small helpers shared by the stores.
 */
import { createHash } from "node:crypto";

/** Current time as ISO-8601 text (the format every timestamp column uses). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 of the stable JSON of a value: what "unchanged" means for an imported record. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}

/** Splits a list into chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Counts of what a store call did. */
export interface StoreCounts {
  created: number;
  changed: number;
  unchanged: number;
}

export function emptyCounts(): StoreCounts {
  return { created: 0, changed: 0, unchanged: 0 };
}
