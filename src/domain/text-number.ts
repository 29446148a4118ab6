/**
 * A text's number from its open-data uid, as the chambers print it. Pure; shared by the importers
 * (which store it) and the pages (which name texts known only by their uid).
 */

/** "PIONANR5L17B0907" → "907", "PIONANR5L17BTC1043" → "1043", "LOI-2025-532" → "2025-532"; null for anything else. */
export function textNumberOf(textUid: string): string | null {
  const law = /^LOI-(\d{4}-\d+)$/.exec(textUid);
  if (law) return law[1]!;
  const match = /B(?:TC|TA)?0*(\d+)$/.exec(textUid);
  return match?.[1] ?? null;
}
