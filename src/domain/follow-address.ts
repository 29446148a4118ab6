/**
 * What a person pastes to follow a bill: an Assemblée dossier page or uid
 * (`https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N50169`, `DLR5L17N50169`), or a
 * Sénat dossier page or signet (`https://www.senat.fr/dossier-legislatif/pjl16-263.html`,
 * `pjl16-263`). Pure.
 */

/** A bill to follow, as its source names it. */
export interface FollowTarget {
  readonly source: "an" | "senat";
  /** The AN dossier uid, or the Sénat signet. */
  readonly key: string;
}

const AN_DOSSIER_UID = /\b(DLR5L\d{2}N\d+)\b/;
/** Sénat signets: « pjl16-263 », « ppl24-123 », and the finance bills' « plfss2018 », « plf2019 ». */
const SIGNET = "(?:(?:pjl|ppl)\\d{2}-\\d+|plf(?:ss|r)?\\d{4}(?:-\\d+)?)";
const SENAT_SIGNET = new RegExp(`^${SIGNET}$`, "i");
const SENAT_PAGE = new RegExp(`/dossier-legislatif/(${SIGNET})\\.html`, "i");
const SENAT_FEED = new RegExp(`/dosleg(${SIGNET})\\.xml`, "i");

/** Reads the address; an error message in French says what is expected when it is not understood. */
export function parseFollowAddress(input: string): FollowTarget | { readonly error: string } {
  const value = input.trim();
  if (value === "") return { error: "adresse vide : collez l'adresse de la page du dossier (Assemblée ou Sénat) ou son identifiant" };
  const an = AN_DOSSIER_UID.exec(value);
  if (an?.[1] && (!/^https?:/i.test(value) || /assemblee-nationale\.fr/i.test(value) || !/senat\.fr/i.test(value)))
    return { source: "an", key: an[1] };
  const senat = SENAT_PAGE.exec(value)?.[1] ?? SENAT_FEED.exec(value)?.[1] ?? (SENAT_SIGNET.test(value) ? value : null);
  if (senat) return { source: "senat", key: senat.toLowerCase() };
  return {
    error:
      `adresse non reconnue « ${value.slice(0, 200)} » : attendu une page de dossier de l'Assemblée (…/dossiers/DLR5L17N…) ` +
      "ou son identifiant DLR…, ou une page de dossier du Sénat (…/dossier-legislatif/pjl24-123.html) ou son signet (pjl24-123)",
  };
}
