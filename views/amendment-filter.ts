/**
 * Filters of a provision's amendments (text/step, sort, author type, group), read from the query
 * string: unknown values are ignored rather than refused, so a shared address never breaks.
 */
import type { ProvisionAmendment } from "./models.js";

/** The chosen filters; an absent one lets everything through. */
export interface AmendmentFilter {
  readonly texte: string | null;
  readonly sort: string | null;
  readonly auteur: string | null;
  readonly groupe: string | null;
}

/** The query-string names of the filters. */
export const AMENDMENT_FILTER_KEYS = ["texte", "sort", "auteur", "groupe"] as const;

/** The values present in `amendments` for each filter, in first-seen order. */
export function amendmentFilterOptions(amendments: readonly ProvisionAmendment[]): Record<keyof AmendmentFilter, string[]> {
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    texte: distinct(amendments.map((a) => a.textUid)),
    sort: distinct(amendments.map((a) => a.outcome)),
    auteur: distinct(amendments.map((a) => a.authorType)),
    groupe: distinct(amendments.map((a) => a.groupRef)).sort((a, b) =>
      groupLabel(amendments, a).localeCompare(groupLabel(amendments, b), "fr"),
    ),
  };
}

/** A group as the filter lists it: its name when the AMO data is imported, else its code. */
export function groupLabel(amendments: readonly ProvisionAmendment[], groupRef: string): string {
  return amendments.find((a) => a.groupRef === groupRef && a.groupName)?.groupName ?? groupRef;
}

/** Reads the filters from the query, keeping only values that exist among `amendments`. */
export function parseAmendmentFilter(
  query: (name: string) => string | undefined,
  amendments: readonly ProvisionAmendment[],
): AmendmentFilter {
  const options = amendmentFilterOptions(amendments);
  const pick = (key: keyof AmendmentFilter) => {
    const value = query(key);
    return value && options[key].includes(value) ? value : null;
  };
  return { texte: pick("texte"), sort: pick("sort"), auteur: pick("auteur"), groupe: pick("groupe") };
}

/** The amendments that pass every chosen filter, in their order. */
export function filterAmendments(amendments: readonly ProvisionAmendment[], filter: AmendmentFilter): ProvisionAmendment[] {
  return amendments.filter(
    (a) =>
      (!filter.texte || a.textUid === filter.texte) &&
      (!filter.sort || a.outcome === filter.sort) &&
      (!filter.auteur || a.authorType === filter.auteur) &&
      (!filter.groupe || a.groupRef === filter.groupe),
  );
}

/** The filters as a query string (only those chosen). */
export function amendmentFilterQuery(filter: AmendmentFilter): string {
  const params = new URLSearchParams();
  for (const key of AMENDMENT_FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  return params.toString();
}
