/**
 * The AN "AMO" open data (acteurs, mandats, organes): one document per acteur or organe
 * (`acteur/PA….json`, `organe/PO….json`, as in the AMO10/AMO30 zips), or one `export` document
 * listing them all. Maps each to an {@link ActorRecord} or {@link OrganRecord}.
 */
import type { ActorRecord, OrganRecord } from "../../src/domain/people.js";
import { child, isObject, list, text, type RawObject } from "../document.js";
import { decodeLabel } from "../html.js";
import type { RecordProblem } from "./amendement.js";

/** What one AMO document holds. */
export interface PeopleBatch {
  readonly actors: ActorRecord[];
  readonly organs: OrganRecord[];
  readonly problems: RecordProblem[];
}

/** True when the document is AMO data (an acteur, an organe, or an export of them). */
export function isPeopleDocument(doc: RawObject): boolean {
  return (
    isObject(doc["acteur"]) ||
    isObject(doc["organe"]) ||
    isObject(child(doc, "export", "acteurs")) ||
    isObject(child(doc, "export", "organes"))
  );
}

/** Maps every acteur and organe of the document; a bad record is a problem, the others go on. */
export function parsePeopleDocument(doc: RawObject): PeopleBatch {
  const batch: PeopleBatch = { actors: [], organs: [], problems: [] };
  const actors = [...list(doc, "acteur"), ...list(doc, "export", "acteurs", "acteur")].filter(isObject);
  const organs = [...list(doc, "organe"), ...list(doc, "export", "organes", "organe")].filter(isObject);
  for (const [index, item] of actors.entries()) {
    try {
      batch.actors.push(mapActor(item));
    } catch (error) {
      batch.problems.push({ record: text(item, "uid") ?? `acteur #${index + 1}`, severity: "error", message: (error as Error).message });
    }
  }
  for (const [index, item] of organs.entries()) {
    try {
      batch.organs.push(mapOrgan(item));
    } catch (error) {
      batch.problems.push({ record: text(item, "uid") ?? `organe #${index + 1}`, severity: "error", message: (error as Error).message });
    }
  }
  return batch;
}

function mapActor(item: RawObject): ActorRecord {
  const uid = text(item, "uid");
  if (!uid || !/^PA\d+$/.test(uid)) throw new Error(`acteur sans uid PA… (« ${uid ?? ""} »)`);
  const ident = child(item, "etatCivil", "ident");
  const lastName = text(ident, "nom");
  if (!lastName) throw new Error("acteur sans nom");
  return { uid, civility: text(ident, "civ"), firstName: decodeLabel(text(ident, "prenom") ?? ""), lastName: decodeLabel(lastName) };
}

function mapOrgan(item: RawObject): OrganRecord {
  const uid = text(item, "uid");
  if (!uid || !/^PO\d+$/.test(uid)) throw new Error(`organe sans uid PO… (« ${uid ?? ""} »)`);
  const name = text(item, "libelle");
  if (!name) throw new Error("organe sans libellé");
  return {
    uid,
    kind: text(item, "codeType") ?? "?",
    name: decodeLabel(name),
    abbreviation: text(item, "libelleAbrev") ?? text(item, "libelleAbrege"),
    legislature: text(item, "legislature"),
  };
}
