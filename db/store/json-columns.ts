/**
 * Reading the JSON columns back: each value is checked against the shape it was written with
 * before it is used, instead of being cast. A value that does not match is a corrupt row, said
 * with the column's name — never silently trusted.
 */
import type { Alinea } from "../../src/domain/bill-text.js";
import type { DossierRecord } from "../../src/domain/dossier.js";
import type { Censure } from "../../src/domain/constitutional-decision.js";

/** A stored JSON value that does not have its column's shape. */
export class CorruptColumnError extends Error {
  override name = "CorruptColumnError";
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses `json` and checks it with `isValid`; throws a CorruptColumnError naming `column` otherwise. */
export function readJsonColumn<T>(json: string, isValid: (value: unknown) => value is T, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CorruptColumnError(`colonne ${column} : JSON illisible`);
  }
  if (!isValid(value)) throw new CorruptColumnError(`colonne ${column} : valeur inattendue`);
  return value;
}

/** A list of alinéas (number and text at least). */
export const isAlineaList = (value: unknown): value is Alinea[] =>
  Array.isArray(value) && value.every((a) => isObject(a) && typeof a["number"] === "number" && typeof a["text"] === "string");

/** A list of strings (amendment uids). */
export const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** An object of string values (a step's details). */
export const isStringRecord = (value: unknown): value is Record<string, string> =>
  isObject(value) && Object.values(value).every((v) => typeof v === "string");

/** A tag's evidence: where each rule matched. */
export interface Evidence {
  readonly rule: string;
  readonly term: string;
  readonly alinea: number;
  readonly start: number;
  readonly end: number;
}

export const isEvidenceList = (value: unknown): value is Evidence[] =>
  Array.isArray(value) &&
  value.every(
    (e) =>
      isObject(e) &&
      typeof e["rule"] === "string" &&
      typeof e["term"] === "string" &&
      typeof e["alinea"] === "number" &&
      typeof e["start"] === "number" &&
      typeof e["end"] === "number",
  );

/** A range of articles to complete from the previous version. */
export const isOpenRange = (value: unknown): value is { from: string; to: string } =>
  isObject(value) && typeof value["from"] === "string" && typeof value["to"] === "string";

/** A source's dossier record (its identity and steps; the rest as written by the mappers). */
export const isDossierRecord = (value: unknown): value is DossierRecord =>
  isObject(value) && typeof value["uid"] === "string" && typeof value["title"] === "string" && Array.isArray(value["steps"]);

/** A decision's censures (see src/domain/constitutional-decision.ts). */
export const isCensureList = (value: unknown): value is Censure[] =>
  Array.isArray(value) &&
  value.every(
    (c) =>
      isObject(c) &&
      typeof c["article"] === "string" &&
      typeof c["wording"] === "string" &&
      (c["kind"] === "article" ||
        (c["kind"] === "words" && typeof c["words"] === "string") ||
        (c["kind"] === "part" && typeof c["part"] === "string")),
  );
