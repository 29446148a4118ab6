/**
 * The sources `navette ingest` knows, each a pure mapping from one document to domain records.
 */
import type { AmendmentRecord } from "../domain/amendment.js";
import type { DossierRecord, TextRecord } from "../domain/dossier.js";
import { parseStructuredDocument, type RawObject } from "../../ingest/document.js";
import { parseAnAmendmentDocument, type RecordProblem } from "../../ingest/an/amendement.js";
import { parseAnDossierDocument } from "../../ingest/an/dossier.js";
import { isPeopleDocument, parsePeopleDocument } from "../../ingest/an/acteurs.js";
import type { ActorRecord, OrganRecord } from "../domain/people.js";
import { decodeDocumentWithInfo, SourceError } from "../../ingest/document.js";
import { parseHtmlText } from "../../ingest/texts/html-text.js";
import { parseAknText } from "../../ingest/texts/akn.js";
import { identifyText, type TextIdentity } from "../../ingest/texts/identity.js";
import type { ParsedText } from "../domain/bill-text.js";
import { parseSenatAmendmentsCsv } from "../../ingest/senat/amendements-csv.js";
import { parseDerouleur, type DiscussionEntry } from "../../ingest/senat/derouleur.js";
import { parseSenatDossierFeed, parseSenatDossierPage } from "../../ingest/senat/dossier.js";
import { parseDecisionPage } from "../../ingest/conseil-constitutionnel/decision.js";
import { lawUid, parseJoLaw } from "../../ingest/texts/jo-law.js";
import type { ConstitutionalDecision } from "../domain/constitutional-decision.js";

/** A text version read from a document, with what its address says about it. */
export interface TextVersion {
  readonly identity: TextIdentity;
  readonly parsed: ParsedText;
}

/** Records extracted from one document. */
export interface DocumentRecords {
  readonly amendments: readonly AmendmentRecord[];
  readonly dossiers: readonly DossierRecord[];
  /** Which source the dossiers come from (their records are merged per bill). */
  readonly dossierSource?: "an" | "senat";
  readonly texts: readonly TextRecord[];
  readonly textVersions?: readonly TextVersion[];
  /** Discussion order of amendments already stored (Sénat dérouleur). */
  readonly discussion?: readonly DiscussionEntry[];
  /** Persons and bodies (AN "AMO" data). */
  readonly actors?: readonly ActorRecord[];
  readonly organs?: readonly OrganRecord[];
  /** Decisions of the Conseil constitutionnel. */
  readonly decisions?: readonly ConstitutionalDecision[];
  readonly problems: readonly RecordProblem[];
}

/** A kind of source. */
export interface SourceKind {
  readonly name: string;
  /** One line of help, in French. */
  readonly description: string;
  /**
   * Maps one document (its path inside the source and its bytes); throws a SourceError when
   * unreadable; returns null for a document of another kind (skipped, as in a mixed folder).
   */
  parse(name: string, bytes: Buffer): DocumentRecords | null;
}

/** Root elements of AN amendment documents and of AN dossier documents. */
const AMENDMENT_ROOTS = ["amendement", "amendements"];
const DOSSIER_ROOTS = ["dossierParlementaire", "document", "export"];

/** True when the document's root is one of `roots`. */
function hasRoot(doc: RawObject, roots: readonly string[]): boolean {
  return roots.some((root) => root in doc);
}

/** Only XML and JSON documents are read by the AN sources (a dump folder may hold other files). */
const STRUCTURED = /\.(json|xml)$/i;

const NO_RECORDS: DocumentRecords = { amendments: [], dossiers: [], texts: [], problems: [] };

/** Dossier uid from a dump path such as `json/DLR5L17N50169/PIONANR5L17B0907/AM….json`. */
export function dossierOfPath(name: string): string | null {
  return name.split(/[\\/]/).find((segment) => /^DL[A-Z0-9]+$/.test(segment)) ?? null;
}

export const SOURCE_KINDS: readonly SourceKind[] = [
  {
    name: "an-amendements",
    description: "Amendements de l'Assemblée nationale (open data XML ou JSON : fichier, dossier, archive .zip ou URL)",
    parse(name, bytes) {
      if (!STRUCTURED.test(name)) return null;
      const doc = parseStructuredDocument(bytes, name);
      if (!hasRoot(doc, AMENDMENT_ROOTS) && hasRoot(doc, DOSSIER_ROOTS)) return null;
      const batch = parseAnAmendmentDocument(doc, name, { dossierUid: dossierOfPath(name) });
      return { ...NO_RECORDS, amendments: batch.records, problems: batch.problems };
    },
  },
  {
    name: "an-dossiers",
    description: "Dossiers législatifs de l'Assemblée nationale (dossierParlementaire et document, XML ou JSON)",
    parse(name, bytes) {
      if (!STRUCTURED.test(name)) return null;
      const doc = parseStructuredDocument(bytes, name);
      if (hasRoot(doc, AMENDMENT_ROOTS) && !hasRoot(doc, DOSSIER_ROOTS)) return null;
      const content = parseAnDossierDocument(doc, name);
      return {
        ...NO_RECORDS,
        dossiers: content.dossiers.records,
        dossierSource: "an",
        texts: content.texts,
        problems: content.dossiers.problems,
      };
    },
  },
  {
    name: "an-acteurs",
    description:
      "Acteurs et organes de l'Assemblée nationale (open data « AMO » : députés, groupes, commissions ; dossier, archive .zip ou URL)",
    parse(name, bytes) {
      if (!STRUCTURED.test(name)) return null;
      const doc = parseStructuredDocument(bytes, name);
      if (!isPeopleDocument(doc)) return null;
      const batch = parsePeopleDocument(doc);
      return { ...NO_RECORDS, actors: batch.actors, organs: batch.organs, problems: batch.problems };
    },
  },
  {
    name: "senat-amendements",
    description: "Amendements du Sénat, fichier « jeu complet » CSV (séance ou commission ; fichier, dossier, zip ou URL)",
    parse(name, bytes) {
      if (!/\.(csv|txt)$/i.test(name) && !/jeu_complet/i.test(name)) return null;
      const batch = parseSenatAmendmentsCsv(bytes, name);
      return { ...NO_RECORDS, amendments: batch.records, problems: batch.problems };
    },
  },
  {
    name: "senat-dossier",
    description: "Dossier législatif du Sénat : page /dossier-legislatif/<signet>.html, ou son flux Atom rss/dosleg<signet>.xml",
    parse(name, bytes) {
      if (!/\.(html?|xml)$/i.test(name) && !/^https?:/i.test(name)) return null;
      const decoded = decodeDocumentWithInfo(bytes, name);
      if (/<feed[\s>]/.test(decoded.text.slice(0, 2000))) {
        const feed = parseSenatDossierFeed(parseStructuredDocument(bytes, name), name);
        return { ...NO_RECORDS, texts: feed.texts };
      }
      const { dossier, texts } = parseSenatDossierPage(decoded.text, name);
      return { ...NO_RECORDS, dossiers: [dossier], dossierSource: "senat", texts };
    },
  },
  {
    name: "senat-derouleur",
    description: "Ordre de discussion en séance du Sénat (liste_discussion.json) : ordre, identiques, sous-amendements",
    parse(name, bytes) {
      if (!/\.json$/i.test(name) && !/liste_discussion/i.test(name)) return null;
      const derouleur = parseDerouleur(parseStructuredDocument(bytes, name), name);
      return { ...NO_RECORDS, discussion: derouleur.entries };
    },
  },
  {
    name: "cc-decision",
    description: "Décision du Conseil constitutionnel (page /decision/<année>/<numéro>DC.htm) : les dispositions censurées",
    parse(name, bytes) {
      if (!/\.(html?)$/i.test(name) && !/^https?:/i.test(name)) return null;
      const { decision, unread } = parseDecisionPage(decodeDocumentWithInfo(bytes, name).text, name);
      const problems: RecordProblem[] = unread.map((item) => ({
        record: decision.number,
        message: `censure dont l'article de la loi n'a pas pu être lu : « ${item} »`,
        severity: "warning",
      }));
      return { ...NO_RECORDS, decisions: [decision], problems };
    },
  },
  {
    name: "jo-loi",
    description: "Loi publiée au Journal officiel (page Légifrance) : la numérotation définitive et les articles censurés",
    parse(name, bytes) {
      if (!/\.(html?)$/i.test(name) && !/^https?:/i.test(name)) return null;
      const { number, parsed } = parseJoLaw(decodeDocumentWithInfo(bytes, name).text, name);
      const uid = lawUid(number);
      const identity: TextIdentity = { uid, chamber: null, anSuffix: null, senat: null, number, role: null, fallbackUid: uid };
      const problems: RecordProblem[] = parsed.warnings.map((w) => ({ record: w.place, message: w.message, severity: "warning" }));
      return { ...NO_RECORDS, textVersions: [{ identity, parsed }], problems };
    },
  },
  {
    name: "an-texte",
    description: "Texte d'un projet ou d'une proposition de loi publié par l'Assemblée nationale (page HTML)",
    parse: (name, bytes) => parseTextDocument(name, bytes, "an-html"),
  },
  {
    name: "senat-texte",
    description: "Texte publié par le Sénat (Akoma Ntoso XML ou page HTML /leg/…)",
    parse: (name, bytes) => parseTextDocument(name, bytes, "senat-html"),
  },
];

/** Reads a bill text page (HTML) or AKN document; the encoding note, if any, becomes a warning. */
function parseTextDocument(name: string, bytes: Buffer, format: "an-html" | "senat-html"): DocumentRecords | null {
  if (!/\.(html?|asp|xml)$/i.test(name) && !/^https?:/i.test(name)) return null;
  const decoded = decodeDocumentWithInfo(bytes, name);
  const head = decoded.text.slice(0, 4096);
  let parsed: ParsedText;
  if (/<(\w+:)?akomaNtoso\b/.test(head)) parsed = parseAknText(decoded.text, name);
  else if (/<html|<body|<p[\s>]/i.test(head) || /<p[\s>]/i.test(decoded.text.slice(0, 200_000)))
    parsed = parseHtmlText(decoded.text, format);
  else throw new SourceError("ni page HTML ni document Akoma Ntoso", name);
  const problems: RecordProblem[] = parsed.warnings.map((w) => ({ record: w.place, message: w.message, severity: "warning" }));
  if (decoded.note) problems.unshift({ record: null, message: decoded.note, severity: "warning" });
  return { ...NO_RECORDS, textVersions: [{ identity: identifyText(name, parsed.metadata), parsed }], problems };
}

/** Finds a source kind by name. */
export function findSourceKind(name: string): SourceKind | undefined {
  return SOURCE_KINDS.find((kind) => kind.name === name);
}
