/**
 * Addresses of the official pages Navette links out to: an amendment on the Assemblée's or the
 * Sénat's site, a bill's dossier in both chambers, a deputy's or a senator's page, a code on
 * Légifrance. Built from what the open data carries; null when it does not carry enough (a wrong
 * link is worse than none). Pure.
 */

const AN = "https://www.assemblee-nationale.fr";
const SENAT = "https://www.senat.fr";

/** What an AN amendment's address is made of, all from its open-data record. */
export interface AnAmendmentAddress {
  readonly legislature: string | null;
  /** The number of the text amended (« 1277 », « 1906A »; the Sénat's « 256 (2024-2025) » is not one). */
  readonly textNumber: string | null;
  /** « seance » or « commission ». */
  readonly stage: string | null;
  /** The examining committee's abbreviation in the AN's organes (« CION_LOIS »), for a committee amendment. */
  readonly organAbbreviation: string | null;
  /** The number with its prefix, as printed (« CL12 », « 640 », « II-1463 »), without « (Rect) ». */
  readonly numberLong: string;
  /**
   * Filed for a second deliberation (uid « …P0D2… »): its number repeats the first deliberation's
   * and its address is not known from the data, so it gets none.
   */
  readonly secondDeliberation?: boolean;
}

/** The number as the AN's address writes it: « CL12 », « I-2531 », never « 120 (Rect) ». */
const printedNumber = (numberLong: string): string => numberLong.replace(/\s*\(.*\)\s*$/u, "").replace(/\s+/g, "");

/**
 * « https://www.assemblee-nationale.fr/dyn/17/amendements/1277/AN/7 », and for a committee
 * « …/amendements/0907/CION_LOIS/CL12 »: the text's number on four digits, the examining body, the number.
 */
export function anAmendmentUrl(a: AnAmendmentAddress): string | null {
  const text = /^(\d{1,4})([A-Z]?)$/u.exec(a.textNumber ?? "");
  if (!a.legislature || !/^\d+$/u.test(a.legislature) || !text || a.secondDeliberation) return null;
  const organ = a.stage === "seance" ? "AN" : a.organAbbreviation;
  if (!organ || !/^[A-Z][A-Z_-]*$/u.test(organ)) return null;
  const number = printedNumber(a.numberLong);
  if (!/^[A-Z0-9-]+$/u.test(number)) return null;
  const paddedText = `${(text[1] ?? "").padStart(4, "0")}${text[2] ?? ""}`;
  return `${AN}/dyn/${a.legislature}/amendements/${paddedText}/${organ}/${encodeURIComponent(number)}`;
}

/** What a Sénat amendment's address is made of. */
export interface SenatAmendmentAddress {
  /** The text as the Sénat names it: « 256 (2024-2025) ». */
  readonly textNumber: string | null;
  readonly stage: string | null;
  /** « COM-3 », « 12 », « 12 rect. » */
  readonly numberLong: string;
}

/**
 * « https://www.senat.fr/amendements/2024-2025/256/Amdt_12.html », and for a committee
 * « https://www.senat.fr/amendements/commissions/2024-2025/999/Amdt_COM-3.html ».
 */
export function senatAmendmentUrl(a: SenatAmendmentAddress): string | null {
  const text = /^(\d+)\s*\((\d{4}-\d{4})\)$/u.exec(a.textNumber ?? "");
  const number = printedNumber(a.numberLong.replace(/\s*rect\.?.*$/iu, ""));
  if (!text || !/^[A-Z0-9-]+$/iu.test(number)) return null;
  const committee = a.stage === "commission" ? "commissions/" : "";
  return `${SENAT}/amendements/${committee}${text[2]}/${text[1]}/Amdt_${encodeURIComponent(number)}.html`;
}

/** A bill's dossier on the Assemblée's site, from its uid (« DLR5L17N50169 »). */
export function anDossierUrl(uid: string, legislature: string | null): string | null {
  const leg = /^DL[RS]\d+L(\d+)N\d+$/u.exec(uid)?.[1] ?? legislature;
  if (!leg || !/^DL[RS]\d+L\d+N\d+$/u.test(uid)) return null;
  return `${AN}/dyn/${leg}/dossiers/${uid}`;
}

/** A bill's dossier on the Sénat's site, from its signet (« ppl23-735 »). */
export function senatDossierUrl(signet: string | null): string | null {
  if (!signet || !/^[a-z]+\d{2}-\d+$/u.test(signet)) return null;
  return `${SENAT}/dossier-legislatif/${signet}.html`;
}

/** A deputy's page (« PA720430 ») or a senator's (« dupont_jean00001a »); null for anything else. */
export function memberUrl(chamber: string, ref: string | null): string | null {
  if (!ref) return null;
  if (chamber === "AN") return /^PA\d+$/u.test(ref) ? `${AN}/dyn/deputes/${ref}` : null;
  if (chamber === "SN") return /^[a-z_-]+\d+[a-z]$/u.test(ref) ? `${SENAT}/senateur/${ref}.html` : null;
  return null;
}

/** Légifrance's ids of the codes Navette names (LEGITEXT), by Navette's short id. */
const LEGIFRANCE_CODES: Readonly<Record<string, string>> = {
  CSI: "LEGITEXT000025503132",
  CPP: "LEGITEXT000006071154",
  CP: "LEGITEXT000006070719",
  CPCE: "LEGITEXT000006070987",
  CD: "LEGITEXT000006071307",
  CGCT: "LEGITEXT000006070633",
  CRPA: "LEGITEXT000031366350",
  CSS: "LEGITEXT000006073189",
  CGI: "LEGITEXT000006069577",
  CESEDA: "LEGITEXT000006070158",
  CDOUANES: "LEGITEXT000006071570",
  CT: "LEGITEXT000006072050",
  CSP: "LEGITEXT000006072665",
  CMF: "LEGITEXT000006072026",
  CR: "LEGITEXT000006074228",
  CTR: "LEGITEXT000023086525",
  CJA: "LEGITEXT000006070933",
};

/** A code on Légifrance (its table of contents, where the article is one click away); null for a code it does not know. */
export function legifranceCodeUrl(code: string): string | null {
  const id = LEGIFRANCE_CODES[code];
  return id ? `https://www.legifrance.gouv.fr/codes/texte_lc/${id}` : null;
}
