/**
 * Assemblée nationale amendments: open-data records (L15 schema with `identifiant/saisine`,
 * L16/L17 schema with `cycleDeVie`, in XML or JSON) and the legacy per-amendment XML of the
 * AN website, turned into {@link AmendmentRecord}s. Pure: no I/O, no database.
 */
import { textNumberOf } from "../../src/domain/text-number.js";
import { readSourceDate } from "../../src/domain/calendar-date.js";
import type { AmendmentRecord, AmendmentStage, AmendmentTarget, AuthorType, TargetKind } from "../../src/domain/amendment.js";
import { normaliseOutcome, foldLabel } from "../../src/domain/amendment-outcome.js";
import { creditTableText, type CreditTable } from "../../src/domain/credit-table.js";
import { parseArticleNumber } from "../../src/domain/article-number.js";
import { child, isObject, list, text, SourceError, type RawObject } from "../document.js";
import { decodeLabel, htmlToText, sanitizeImportedHtml } from "../html.js";

/** A problem with one record that did not stop the others. */
export interface RecordProblem {
  readonly record: string | null;
  readonly message: string;
  /** "error": the record was not imported; "warning": imported, but something was not understood. */
  readonly severity: "error" | "warning";
}

/** What one source document gave. */
export interface ParsedBatch<T> {
  readonly records: T[];
  readonly problems: RecordProblem[];
}

/** Context a document's location gives (the dump layout is `json/{dossier}/{texte}/{uid}.json`). */
export interface AmendmentContext {
  readonly dossierUid?: string | null;
}

/** Organs that are the Assemblée itself sitting in plenary (séance publique), per legislature. */
const PLENARY_ORGANS = new Set(["PO717460", "PO791932", "PO838901"]);

/**
 * Extracts every amendment of a parsed AN document (one amendment, an `<amendements>` list, or
 * a legacy web record). Records that cannot be read are reported, the others returned.
 */
export function parseAnAmendmentDocument(doc: RawObject, file: string, context: AmendmentContext = {}): ParsedBatch<AmendmentRecord> {
  const records: AmendmentRecord[] = [];
  const problems: RecordProblem[] = [];
  const items = amendmentItems(doc);
  if (items === null) {
    throw new SourceError(
      `aucun amendement reconnu (racine : ${
        Object.keys(doc)
          .filter((k) => !k.startsWith("@"))
          .join(", ") || "vide"
      })`,
      file,
    );
  }
  for (const [index, item] of items.entries()) {
    const label = recordLabel(item, index);
    try {
      const { record, warnings } = mapAmendment(item, context);
      records.push(record);
      for (const message of warnings) problems.push({ record: record.uid, message, severity: "warning" });
    } catch (error) {
      problems.push({ record: label, message: (error as Error).message, severity: "error" });
    }
  }
  return { records, problems };
}

function amendmentItems(doc: RawObject): RawObject[] | null {
  const root = doc["amendement"] ?? child(doc, "amendements")?.["amendement"] ?? child(doc, "export", "amendements")?.["amendement"];
  if (root === undefined) {
    if (Array.isArray(doc["amendements"])) return doc["amendements"].filter(isObject);
    return null;
  }
  return list(root).filter(isObject);
}

function recordLabel(item: RawObject, index: number): string {
  return text(item, "uid") ?? text(item, "numeroLong") ?? text(item, "identification", "numeroLong") ?? `#${index + 1}`;
}

/** True for the legacy website schema (flat `numero`, `texte`, `sortEnSeance`, no uid). */
function isLegacyWebRecord(item: RawObject): boolean {
  return text(item, "uid") === null && isObject(item["texte"]) && "numero" in item;
}

/** Maps one amendment object; throws when the record lacks what identifies it. */
export function mapAmendment(item: RawObject, context: AmendmentContext = {}): { record: AmendmentRecord; warnings: string[] } {
  return isLegacyWebRecord(item) ? mapLegacyWebAmendment(item, context) : mapOpenDataAmendment(item, context);
}

function mapOpenDataAmendment(a: RawObject, context: AmendmentContext): { record: AmendmentRecord; warnings: string[] } {
  const warnings: string[] = [];
  const uid = text(a, "uid");
  if (!uid) throw new Error("amendement sans uid");
  if (!/^AM[A-Z0-9]+$/.test(uid)) throw new Error(`uid d'amendement inattendu « ${uid} »`);
  const identification = child(a, "identification");
  const identifiant = child(a, "identifiant");
  const numberLong = text(identification, "numeroLong") ?? text(a, "numeroLong") ?? text(identifiant, "numero");
  if (!numberLong) throw new Error("amendement sans numéro");
  const number = text(identification, "numeroOrdreDepot") ?? text(identifiant, "numero") ?? numberLong.replace(/\D+/g, "");
  const textUid = text(a, "texteLegislatifRef") ?? text(identifiant, "saisine", "refTexteLegislatif");
  const organRef = text(identifiant, "saisine", "organeExamen") ?? /PO\d+/.exec(uid)?.[0] ?? null;
  const prefixCode = text(identification, "prefixeOrganeExamen");

  const cycle = child(a, "cycleDeVie");
  const treatment = child(cycle, "etatDesTraitements");
  const state = text(treatment, "etat", "libelle") ?? text(treatment, "etat", "code") ?? text(a, "etat");
  const subState = text(treatment, "sousEtat", "libelle") ?? text(a, "sousEtat");
  const sort = text(cycle, "sort") ?? text(a, "sort", "sortEnSeance") ?? text(a, "sort");
  const outcome = normaliseOutcome({ state, subState, sort });
  if (!outcome.understood) warnings.push(`état non reconnu : ${outcome.detail ?? "?"} (enregistré comme « inconnu »)`);

  const signataires = child(a, "signataires");
  const author = child(signataires, "auteur");
  const rawAuthorType = text(author, "typeAuteur");
  const authorType = mapAuthorType(rawAuthorType);
  if (rawAuthorType && authorType === "autre") warnings.push(`type d'auteur inconnu « ${rawAuthorType} »`);
  const signatories = labelOrNull(text(signataires, "libelle") ?? text(signataires, "texteAffichable"));

  const pointer = child(a, "pointeurFragmentTexte");
  const division = child(pointer, "division");
  const alinea = child(pointer, "amendementStandard", "alinea") ?? child(pointer, "alinea");
  const target = mapTarget(division && divisionFields(division), text(alinea, "numero") ?? text(alinea, "alineaDesignation"));
  if (target.kind === "autre" && division) warnings.push(`cible non reconnue : ${text(division, "type") ?? "?"} « ${target.label ?? ""} »`);

  const corps = child(a, "corps");
  const content = child(corps, "contenuAuteur") ?? corps;
  const dispositif = htmlField(text(content, "dispositif"));
  const expose = htmlField(text(content, "exposeSommaire"));
  const legislature = text(a, "legislature") ?? text(identifiant, "legislature");
  const credits = creditTableOf(content, text(pointer, "missionVisee", "libelleMission"), warnings);

  const record: AmendmentRecord = {
    uid,
    chamber: "AN",
    legislature,
    dossierUid: context.dossierUid ?? null,
    textUid,
    textNumber: textUid ? textNumberOf(textUid) : null,
    examRef: text(a, "examenRef"),
    organRef,
    stage: stageOf(prefixCode, organRef, numberLong),
    numberLong,
    number,
    prefix: prefixOf(numberLong),
    rectification: Number(text(identification, "numeroRect") ?? text(identifiant, "numRect") ?? 0) || 0,
    secondDeliberation: /P\d+D([2-9])N/.test(uid) || text(identifiant, "saisine", "mentionSecondeDeliberation") === "1",
    target,
    authorType,
    authorRef: text(author, "acteurRef") ?? text(author, "gouvernementRef") ?? text(author, "organeRef"),
    authorName: authorType === "gouvernement" ? "Gouvernement" : firstSignatory(signatories),
    groupRef: text(author, "groupePolitiqueRef"),
    cosignerRefs: list(signataires, "cosignataires", "acteurRef")
      .map((v) => text(v))
      .filter((v): v is string => v !== null),
    signatories,
    dispositifHtml: dispositif.html,
    // A budget amendment's change is its credit table: its text is what search and tagging read.
    dispositifText: dispositif.text ?? (credits ? creditTableText(credits) : null),
    exposeHtml: expose.html,
    exposeText: expose.text,
    notice: labelOrNull(text(corps, "cartoucheInformatif")),
    outcome: outcome.outcome,
    outcomeDetail: outcome.detail,
    rawState: state,
    rawSubState: subState,
    rawSort: sort,
    parentUid: text(a, "amendementParentRef") ?? text(a, "amendementParent"),
    identicalDiscussionId: text(a, "discussionIdentique", "idDiscussion"),
    commonDiscussionId: text(a, "discussionCommune", "idDiscussion"),
    discussionOrder: text(a, "triAmendement"),
    depositedAt: checkedDate(text(cycle, "dateDepot") ?? text(a, "dateDepot"), "date de dépôt", warnings),
    publishedAt: checkedDate(text(cycle, "datePublication") ?? text(a, "dateDistribution"), "date de publication", warnings),
    decidedAt: checkedDate(text(cycle, "dateSort"), "date du sort", warnings, { keepTime: true }),
    codeReference: codeReference(child(a, "loiReference")),
    ...(credits ? { credits } : {}),
  };
  return { record, warnings };
}

/**
 * The credit table of a budget amendment (`dispositifAmdtCreditPLF`: AE and CP per programme;
 * `dispositifAmdtCreditPLFR`: supplementary and cancelled credits, summed), or null.
 */
function creditTableOf(content: RawObject | null | undefined, mission: string | null, warnings: string[]): CreditTable | null {
  const plf = child(content, "dispositifAmdtCreditPLF");
  const plfr = child(content, "dispositifAmdtCreditPLFR");
  const dispositif = plf ?? plfr;
  if (!dispositif) return null;
  const amount = (programme: RawObject, ...keys: string[]): number => {
    let total = 0;
    for (const key of keys) {
      const raw = text(programme, key);
      if (raw === null) continue;
      const value = Number(raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
      if (Number.isFinite(value)) total += value;
      else warnings.push(`montant illisible « ${raw} » (${key}) dans le tableau de crédits`);
    }
    return total;
  };
  const lines = list(dispositif, "listeProgrammes", "programme")
    .filter(isObject)
    .map((programme) => ({
      programme: text(programme, "libelle") ?? "?",
      programmeRef: text(programme, "programmeRef"),
      ae: plf
        ? amount(programme, "autorisationEngagement")
        : amount(programme, "autorisationEngagementSupplementaire", "autorisationEngagementAnnule"),
      cp: plf ? amount(programme, "creditPaiement") : amount(programme, "creditPaiementSupplementaire", "creditPaiementAnnule"),
    }));
  if (lines.length === 0) warnings.push("tableau de crédits sans programme");
  return { mission, lines };
}

/**
 * The legacy XML of the AN website (`/dyn/{leg}/amendements/{texte}/{organe}/{numero}.xml`), which
 * has no uid: a stable one is derived from legislature, text, PLF part and number.
 */
function mapLegacyWebAmendment(a: RawObject, context: AmendmentContext): { record: AmendmentRecord; warnings: string[] } {
  const warnings: string[] = [];
  const texte = child(a, "texte");
  const legislature = text(texte, "numeroLegislature");
  const textNumber = text(texte, "numBibard");
  const number = text(a, "numero");
  const numberLong = text(a, "numeroLong") ?? number;
  if (!legislature || !textNumber || !number || !numberLong)
    throw new Error("amendement (ancien format) sans législature, texte ou numéro");
  const part = text(texte, "numeroPartiePLF");
  const uid = `ANWEB-L${legislature}-${textNumber}${part ? `-${part}` : ""}-${number}`;
  const state = text(a, "etat");
  const sort = text(a, "sortEnSeance");
  const outcome = normaliseOutcome({ state, sort });
  if (!outcome.understood) warnings.push(`état non reconnu : ${outcome.detail ?? "?"}`);
  const division = child(a, "division");
  const target = mapTarget(
    division && {
      titre: text(division, "titre"),
      articleDesignationCourte: text(division, "divisionDesignation"),
      type: text(division, "type"),
      avant_A_Apres: text(division, "avantApres"),
      articleAdditionnel: text(division, "articleAdditionnel"),
      divisionRattachee: text(division, "divisionRattache"),
    },
    null,
  );
  const signatories = labelOrNull(text(a, "listeDesSignataires"));
  const dispositif = htmlField(text(a, "dispositif"));
  const expose = htmlField(text(a, "exposeSommaire"));
  const examen = child(a, "examen");
  const record: AmendmentRecord = {
    uid,
    chamber: "AN",
    legislature,
    dossierUid: context.dossierUid ?? null,
    textUid: null,
    textNumber,
    examRef: text(examen, "examenId"),
    organRef: text(examen, "idOrganeProprietaire") ? `PO${text(examen, "idOrganeProprietaire")}` : null,
    stage: foldLabel(text(examen, "typeSaisie") ?? "").includes("seance") ? "seance" : "commission",
    numberLong,
    number: part ? `${part}-${number}` : number,
    prefix: prefixOf(numberLong),
    rectification: rectificationOf(numberLong),
    secondDeliberation: text(texte, "mentionSecondeDeliberation") !== null,
    target,
    authorType: "depute",
    authorRef: null,
    authorName: firstSignatory(signatories),
    groupRef: null,
    cosignerRefs: [],
    signatories,
    dispositifHtml: dispositif.html,
    dispositifText: dispositif.text,
    exposeHtml: expose.html,
    exposeText: expose.text,
    notice: null,
    outcome: outcome.outcome,
    outcomeDetail: outcome.detail,
    rawState: state,
    rawSubState: null,
    rawSort: sort,
    parentUid: null,
    identicalDiscussionId: null,
    commonDiscussionId: null,
    discussionOrder: text(a, "triAmendement"),
    depositedAt: checkedDate(text(a, "dateDepot"), "date de dépôt", warnings),
    publishedAt: checkedDate(text(a, "datePublication"), "date de publication", warnings),
    decidedAt: checkedDate(text(a, "dateSaisieSort"), "date du sort", warnings),
    codeReference: null,
  };
  return { record, warnings };
}

const AUTHOR_TYPES: Readonly<Record<string, AuthorType>> = {
  depute: "depute",
  deputee: "depute",
  senateur: "senateur",
  rapporteur: "rapporteur",
  "rapporteur general": "rapporteur",
  commission: "commission",
  gouvernement: "gouvernement",
};

function mapAuthorType(raw: string | null): AuthorType {
  if (!raw) return "autre";
  return AUTHOR_TYPES[foldLabel(raw)] ?? "autre";
}

const DIVISION_KINDS: Readonly<Record<string, TargetKind>> = {
  article: "article",
  titre: "titre",
  chapitre: "chapitre",
  section: "section",
  annexe: "annexe",
};

const DIVISION_FIELDS = [
  "titre",
  "articleDesignationCourte",
  "type",
  "avant_A_Apres",
  "articleAdditionnel",
  "chapitreAdditionnel",
  "divisionRattachee",
] as const;
type DivisionFields = Partial<Record<(typeof DIVISION_FIELDS)[number], string | null>>;

function divisionFields(division: RawObject): DivisionFields {
  return Object.fromEntries(DIVISION_FIELDS.map((name) => [name, text(division, name)]));
}

/** Reads the division an amendment points to: an article, an additional article, a division, the title. */
function mapTarget(division: DivisionFields | undefined, alinea: string | null): AmendmentTarget {
  const field = (name: keyof DivisionFields): string | null => division?.[name] ?? null;
  const label = field("titre");
  const designation = field("articleDesignationCourte") ?? "";
  const type = foldLabel(field("type") ?? "");
  const place = foldLabel(field("avant_A_Apres") ?? "");
  const foldedDesignation = foldLabel(designation);
  const position: "avant" | "apres" | null =
    place === "apres" || foldedDesignation.startsWith("apres")
      ? "apres"
      : place === "avant" || foldedDesignation.startsWith("avant")
        ? "avant"
        : null;
  const articleNumber =
    parseArticleNumber(designation) ??
    (type === "article" && label ? parseArticleNumber(label) : null) ??
    parseArticleNumber(field("divisionRattachee") ?? "");
  let kind: TargetKind = DIVISION_KINDS[type] ?? "autre";
  if (kind === "article" && (field("articleAdditionnel") === "true" || position !== null)) kind = "article_additionnel";
  if (field("chapitreAdditionnel") === "true") kind = "division_additionnelle";
  if (kind === "titre" && label && /^titre$/i.test(label.trim())) kind = "intitule";
  if (!division) kind = "autre";
  return {
    kind,
    label: label ? decodeLabel(label) : null,
    article: articleNumber?.canonical ?? null,
    articleSortKey: articleNumber?.sortKey ?? null,
    position: kind === "article" ? null : position,
    alinea,
  };
}

function stageOf(prefixCode: string | null, organRef: string | null, numberLong: string): AmendmentStage | null {
  if (prefixCode) return prefixCode === "AN" ? "seance" : "commission";
  if (organRef) return PLENARY_ORGANS.has(organRef) ? "seance" : "commission";
  return /^[A-Z]{1,4}\d/.test(numberLong) ? "commission" : null;
}

/** "CL44" → "CL"; "II-1463" → "II-"; "939 (Rect)" → "". */
function prefixOf(numberLong: string): string {
  return /^([A-Z]+-?)(?=\d)/.exec(numberLong.trim())?.[1] ?? "";
}

/** "939 (Rect)" → 1; "II-1463 (2ème Rect)" → 2. */
function rectificationOf(numberLong: string): number {
  const match = /\((?:(\d+)\s*(?:e|è|ème)\s*)?rect/i.exec(numberLong);
  if (!match) return 0;
  return match[1] ? Number(match[1]) : 1;
}

/** Text number from a text uid (src/domain/text-number.ts), re-exported for the AN readers. */
export { textNumberOf };

function htmlField(raw: string | null): { html: string | null; text: string | null } {
  if (!raw) return { html: null, text: null };
  const html = sanitizeImportedHtml(raw);
  const plain = htmlToText(html);
  return { html: html || null, text: plain || null };
}

function labelOrNull(raw: string | null): string | null {
  if (!raw) return null;
  const label = decodeLabel(raw);
  return label === "" ? null : label;
}

/** "M. Vicot, rapporteur" → "M. Vicot"; "M. Léaument, Mme Abomangoli et …" → "M. Léaument". */
function firstSignatory(signatories: string | null): string | null {
  if (!signatories) return null;
  const first = signatories.split(/,| et /)[0]?.trim();
  return first ? first : null;
}

function codeReference(reference: RawObject | undefined): string | null {
  const code = text(reference, "codeLoi");
  const article = text(reference, "divisionCodeLoi");
  // Placeholder values the AN leaves in this field ("zzzz", "5") carry no information.
  const meaningfulCode = code && !/^(z+|\d+)$/i.test(code) ? code : null;
  if (!meaningfulCode && !article) return null;
  return [meaningfulCode, article].filter(Boolean).join(", ");
}

/** "2025-02-21", "2025-02-21+01:00", "06/11/2018" → "2025-02-21"; a day that cannot exist → null. */
export function isoDate(raw: string | null): string | null {
  return readSourceDate(raw).iso;
}

/**
 * A date of the record, checked (src/domain/calendar-date.ts): an impossible one is stored as
 * unknown and said in a warning naming the field (the import names the file and the record).
 */
function checkedDate(raw: string | null, field: string, warnings: string[], options: { readonly keepTime?: boolean } = {}): string | null {
  const reading = readSourceDate(raw, options);
  if (reading.problem) warnings.push(`${field} : ${reading.problem}${reading.iso ? "" : ", enregistrée comme inconnue"}`);
  return reading.iso;
}
