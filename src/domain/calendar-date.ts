/**
 * Dates read from a source, checked: a date that cannot exist (« 2025-02-30 », « 9999-99-99 »,
 * « 0000-00-00 ») or that is outside the years a parliamentary record can carry is not stored as
 * another date (« 2 mars ») nor pinned at the top of a page: it is unknown, and the reader says so
 * in a warning. Pure.
 */

/** The years a date of the open data can fall in (the AN's oldest records, a decade ahead). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/** A date as read: its ISO form when it is a real day, else null with what is wrong. */
export interface DateReading {
  readonly iso: string | null;
  readonly problem: string | null;
}

const NONE: DateReading = { iso: null, problem: null };

/** True when year-month-day is a day of the calendar, in the years the data can carry. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= last;
}

/**
 * « 2025-02-21 », « 2025-02-21+01:00 », « 06/11/2018 » → « 2025-02-21 »; with `keepTime`, a full
 * timestamp (« 2025-03-06T00:06:24+01:00 ») is kept as published when its time is valid too.
 * Empty: no date, no problem. Anything else: no date, and the problem.
 */
export function readSourceDate(raw: string | null | undefined, options: { readonly keepTime?: boolean } = {}): DateReading {
  const value = (raw ?? "").trim();
  if (!value) return NONE;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const french = iso ? null : /^(\d{2})\/(\d{2})\/(\d{4})/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : null;
  if (!parts) return { iso: null, problem: `date illisible « ${value.slice(0, 40)} »` };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isRealDay(year, month, day)) return { iso: null, problem: `date impossible « ${value.slice(0, 40)} »` };
  const date = `${parts[0]}-${parts[1]}-${parts[2]}`;
  if (options.keepTime && iso && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/.exec(value);
    return time ? { iso: value, problem: null } : { iso: date, problem: `heure impossible « ${value.slice(0, 40)} » (date gardée)` };
  }
  return { iso: date, problem: null };
}
