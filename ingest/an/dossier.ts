/**
 * Assemblée nationale *dossiers législatifs* (`dossierParlementaire`) and text descriptions
 * (`document`), from the open-data dumps in XML or JSON, turned into {@link DossierRecord}s and
 * {@link TextRecord}s. Pure: no I/O, no database.
 */
import { lawUid } from "../texts/jo-law.js";
import type { DossierRecord, DossierStep, Reading, StepPlace, TextRecord } from "../../src/domain/dossier.js";
import { foldLabel } from "../../src/domain/amendment-outcome.js";
import { child, isObject, list, text, SourceError, type RawObject } from "../document.js";
import { isoDate, textNumberOf, type ParsedBatch } from "./amendement.js";

/** What a dossier dump document gives. */
export interface DossierDocumentContent {
  readonly dossiers: ParsedBatch<DossierRecord>;
  readonly texts: TextRecord[];
}

/**
 * Reads a document of the AN "Dossiers législatifs" dump: one `dossierParlementaire`, one
 * `document`, or a whole `export` holding lists of both.
 */
export function parseAnDossierDocument(doc: RawObject, file: string): DossierDocumentContent {
  const dossierNodes = [
    ...list(doc, "dossierParlementaire"),
    ...list(doc, "export", "dossiersLegislatifs", "dossier").flatMap((d) => list(d, "dossierParlementaire")),
  ].filter(isObject);
  const documentNodes = [...list(doc, "document"), ...list(doc, "export", "textesLegislatifs", "document")].filter(isObject);
  if (dossierNodes.length === 0 && documentNodes.length === 0) {
    throw new SourceError(
      `ni dossier ni document reconnu (racine : ${
        Object.keys(doc)
          .filter((k) => !k.startsWith("@"))
          .join(", ") || "vide"
      })`,
      file,
    );
  }
  const records: DossierRecord[] = [];
  const problems: ParsedBatch<DossierRecord>["problems"] = [];
  const texts: TextRecord[] = [];
  for (const [index, node] of dossierNodes.entries()) {
    try {
      const dossier = mapDossier(node);
      records.push(dossier);
      texts.push(...textsOfSteps(dossier));
    } catch (error) {
      problems.push({ record: text(node, "uid") ?? `#${index + 1}`, message: (error as Error).message, severity: "error" });
    }
  }
  for (const [index, node] of documentNodes.entries()) {
    const mapped = mapTextDocument(node);
    if (mapped) texts.push(mapped);
    else problems.push({ record: `document #${index + 1}`, message: "document sans uid", severity: "error" });
  }
  return { dossiers: { records, problems }, texts };
}

/** Maps one `dossierParlementaire`. */
export function mapDossier(node: RawObject): DossierRecord {
  const uid = text(node, "uid");
  if (!uid) throw new Error("dossier sans uid");
  const titles = child(node, "titreDossier");
  const title = text(titles, "titre");
  if (!title) throw new Error("dossier sans titre");
  const senatUrl = text(titles, "senatChemin");
  const steps: DossierStep[] = [];
  for (const top of list(node, "actesLegislatifs", "acteLegislatif").filter(isObject)) {
    const topCode = text(top, "codeActe") ?? "";
    collectSteps(top, readingOf(topCode), steps);
  }
  return {
    uid,
    legislature: text(node, "legislature"),
    title,
    slug: text(titles, "titreChemin"),
    procedure: text(node, "procedureParlementaire", "libelle"),
    senatSignet: senatUrl ? (/dossier-legislatif\/([\w-]+)\.html/.exec(senatUrl)?.[1] ?? null) : null,
    senatUrl,
    steps,
  };
}

function readingOf(topCode: string): Reading {
  const numbered = /^(?:AN|SN)(\d)$/.exec(topCode);
  if (numbered) return (["1re_lecture", "2e_lecture", "3e_lecture"] as const)[Number(numbered[1]) - 1] ?? "autre";
  if (topCode.endsWith("NLEC")) return "nouvelle_lecture";
  if (topCode.endsWith("LDEF")) return "lecture_definitive";
  if (topCode.endsWith("LUNI")) return "lecture_unique";
  if (topCode === "CMP") return "cmp";
  if (topCode === "CC") return "conseil_constitutionnel";
  if (topCode === "PROM") return "promulgation";
  return "autre";
}

function placeOf(code: string): StepPlace {
  if (code.startsWith("CMP-DEBATS-AN")) return "AN";
  if (code.startsWith("CMP-DEBATS-SN")) return "SN";
  if (code.startsWith("CMP")) return "CMP";
  if (code.startsWith("CC")) return "CC";
  if (code.startsWith("PROM")) return "PR";
  return code.startsWith("SN") ? "SN" : "AN";
}

/** Walks the acts depth-first (document order) and keeps the leaves that make a step. */
function collectSteps(act: RawObject, reading: Reading, steps: DossierStep[]): void {
  const children = list(act, "actesLegislatifs", "acteLegislatif").filter(isObject);
  if (children.length > 0) {
    for (const sub of children) collectSteps(sub, reading, steps);
    return;
  }
  const step = stepOfLeaf(act, reading);
  if (step) steps.push(step);
}

function stepOfLeaf(act: RawObject, reading: Reading): DossierStep | null {
  const code = text(act, "codeActe");
  if (!code) return null;
  const base = { code, place: placeOf(code), reading, date: isoDate(text(act, "dateActe")) };
  const outcome = text(act, "statutConclusion", "libelle");
  if (/-DEPOT$/.test(code)) {
    return { ...base, stage: "depot", textUid: text(act, "texteAssocie"), textRole: "depose", outcome: null, succeeded: true, details: {} };
  }
  if (/-COM-FOND-RAPPORT$/.test(code) || /^CMP-COM-RAPPORT-(AN|SN)$/.test(code)) {
    const textUid = text(act, "texteAdopte");
    const details: Record<string, string> = {};
    const report = text(act, "texteAssocie");
    if (report) details["rapport"] = report;
    return { ...base, stage: "commission", textUid, textRole: textUid ? "commission" : null, outcome: null, succeeded: true, details };
  }
  if (/-DEBATS-DEC$/.test(code) || /^CMP-DEBATS-(AN|SN)-DEC$/.test(code)) {
    const adopted = list(act, "textesAssocies", "texteAssocie")
      .filter(isObject)
      .find((t) => text(t, "typeTexte") === "BTA");
    const textUid = adopted ? text(adopted, "refTexteAssocie") : text(act, "texteAdopte");
    const folded = foldLabel(outcome ?? "");
    return {
      ...base,
      stage: "seance",
      textUid,
      textRole: textUid ? "adopte" : null,
      outcome,
      succeeded: !folded.startsWith("rejet") && !folded.startsWith("non adopte"),
      details: {},
    };
  }
  if (code === "CMP-DEC") {
    const failed = text(act, "statutConclusion", "fam_code") === "TCCMP02" || foldLabel(outcome ?? "").startsWith("desaccord");
    return { ...base, stage: "cmp", textUid: null, textRole: null, outcome, succeeded: !failed, details: {} };
  }
  if (code === "CC-CONCLUSION") {
    const details: Record<string, string> = {};
    for (const key of ["numDecision", "anneeDecision", "urlConclusion"]) {
      const value = text(act, key);
      if (value) details[key] = value;
    }
    return { ...base, stage: "conseil_constitutionnel", textUid: null, textRole: null, outcome, succeeded: true, details };
  }
  if (code === "PROM-PUB") {
    const details: Record<string, string> = {};
    const law = text(act, "codeLoi");
    if (law) details["loi"] = law;
    const title = text(act, "titreLoi");
    if (title) details["titreLoi"] = title;
    const jo = child(act, "infoJO");
    for (const [key, name] of [
      ["dateJO", "dateJO"],
      ["numJO", "numJO"],
      ["referenceNOR", "nor"],
      ["urlLegifrance", "legifrance"],
    ] as const) {
      const value = text(jo, key);
      if (value) details[name] = key === "dateJO" ? (isoDate(value) ?? value) : value;
    }
    // The law as the Journal officiel publishes it, in its final numbering (read by `navette ingest jo-loi`).
    const textUid = law ? lawUid(law) : null;
    return { ...base, stage: "promulgation", textUid, textRole: textUid ? "loi" : null, outcome: null, succeeded: true, details };
  }
  return null;
}

/** Texts a dossier's steps refer to, described by what the steps say of them. */
function textsOfSteps(dossier: DossierRecord): TextRecord[] {
  const seen = new Map<string, TextRecord>();
  for (const step of dossier.steps) {
    if (!step.textUid || seen.has(step.textUid)) continue;
    seen.set(step.textUid, {
      uid: step.textUid,
      dossierUid: dossier.uid,
      chamber: step.place === "SN" || /^[A-Z]{4}SN/.test(step.textUid) ? "SN" : "AN",
      number: textNumberOf(step.textUid),
      title: null,
      kind: step.textRole,
      date: step.date,
    });
  }
  return [...seen.values()];
}

/** Maps a `document` (text description) of the dump. */
function mapTextDocument(node: RawObject): TextRecord | null {
  const uid = text(node, "uid");
  if (!uid) return null;
  return {
    uid,
    dossierUid: text(node, "dossierRef"),
    chamber: /^[A-Z]{4}SN/.test(uid) ? "SN" : "AN",
    number: text(node, "notice", "numNotice") ?? textNumberOf(uid),
    title: text(node, "titres", "titrePrincipalCourt") ?? text(node, "titres", "titrePrincipal"),
    kind: text(node, "denominationStructurelle") ?? text(node, "classification", "type", "code"),
    date: isoDate(text(node, "cycleDeVie", "chrono", "dateDepot")),
  };
}
