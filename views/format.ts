/**
 * Formatting helpers for pages, in French.
 */

const DATE_FORMAT = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2025-03-06" → "6 mars 2025"; null → "—". */
export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso.slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}

/** "1 amendement", "3 amendements". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString("fr-FR")} ${n === 1 ? singular : pluralForm}`;
}
