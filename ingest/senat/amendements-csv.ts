/**
 * Sénat amendments, "jeu complet" CSV (`/amendements/<session>/<num>/jeu_complet_<session>_<num>.csv`
 * and the committee variant): cp1252 or UTF-8, CRLF, a first line `sep=\t`, tab-separated
 * unquoted fields, header names with trailing spaces, HTML fields that may hold raw tabs or line
 * breaks. Tokenised with csv-parse, then HTML fields split by stray tabs are put back together.
 * Pure.
 */
import { readSourceDate } from "../../src/domain/calendar-date.js";
import { parse } from "csv-parse/sync";
import type { AmendmentRecord, AuthorType, TargetKind } from "../../src/domain/amendment.js";
import { foldLabel, normaliseOutcome } from "../../src/domain/amendment-outcome.js";
import { parseArticleNumber } from "../../src/domain/article-number.js";
import { decodeWindows1252, SourceError } from "../document.js";
import { decodeLabel, htmlToText, sanitizeImportedHtml } from "../html.js";
import type { ParsedBatch, RecordProblem } from "../an/amendement.js";

/** Which text the file is about, from its name or address. */
export interface SenatTextRef {
  /** "2017-2018". */
  readonly session: string;
  /** Text number ("63"). */
  readonly number: string;
  readonly committee: boolean;
}

/** Reads session, text number and committee flag from a jeu complet file name or URL. */
export function senatTextRefOf(location: string): SenatTextRef | null {
  const committee = /jeu_complet_commission_|\/commissions\//.test(location);
  const match =
    /jeu_complet_(?:commission_)?(\d{4}-\d{4})_(\d+)/.exec(location) ??
    /amendements\/(?:commissions\/)?(\d{4}-\d{4})\/(\d+)\//.exec(location);
  if (!match) return null;
  return { session: match[1] ?? "", number: String(Number(match[2])), committee };
}

const COLUMNS = [
  "nature",
  "numero",
  "subdivision",
  "alinea",
  "auteur",
  "au nom de",
  "date de depot",
  "dispositif",
  "objet",
  "sort",
  "url amendement",
  "fiche senateur",
] as const;
type Column = (typeof COLUMNS)[number];

/** Puts back together HTML fields that stray tabs split (`<body>` … `</body>`). */
function mergeHtmlFields(fields: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    let field = fields[i] as string;
    if (/<body[\s>]/i.test(field) && !/<\/body>/i.test(field)) {
      while (i + 1 < fields.length && !/<\/body>/i.test(field)) field += `\t${fields[++i]}`;
    }
    out.push(field);
  }
  return out;
}

const RECT_WORDS: Record<string, number> = {
  bis: 2,
  ter: 3,
  quater: 4,
  quinquies: 5,
  sexies: 6,
  septies: 7,
  octies: 8,
  nonies: 9,
  decies: 10,
};

/** "12 rect. quinquies" → 5; "1 rect." → 1; "COM-3" → 0. */
export function senatRectification(numero: string): number {
  const match = /rect\.?\s*(\w+)?/i.exec(numero);
  if (!match) return 0;
  return match[1] ? (RECT_WORDS[match[1].toLowerCase()] ?? 1) : 1;
}

/** Reads the "Subdivision" column: "Article 29 quinquies", "art. add. après Article 10 quater (nouveau)". */
export function senatTarget(subdivision: string, alinea: string): AmendmentRecord["target"] {
  const label = subdivision.replace(/[\u00a0\s]+/g, " ").trim();
  const folded = foldLabel(label);
  const additional = /^(art\.? add\.?|article additionnel)\s+(avant|apres)/.exec(folded);
  const position = additional ? ((additional[2] as "avant" | "apres") ?? null) : null;
  const number = parseArticleNumber(label.replace(/^(art\.?\s*add\.?|article additionnel)\s+(avant|après|apres)\s+(l['’])?/i, ""));
  let kind: TargetKind = "autre";
  if (additional) kind = "article_additionnel";
  else if (number && /^article/i.test(label)) kind = "article";
  else if (/^intitul/.test(folded)) kind = "intitule";
  else if (/^titre/.test(folded)) kind = "titre";
  else if (/^chapitre/.test(folded)) kind = "chapitre";
  else if (/^section/.test(folded)) kind = "section";
  else if (/^(annexe|etat)/.test(folded)) kind = "annexe";
  const cleanAlinea = alinea.trim();
  return {
    kind,
    label: label || null,
    article: kind === "article" || kind === "article_additionnel" ? (number?.canonical ?? null) : null,
    articleSortKey: kind === "article" || kind === "article_additionnel" ? (number?.sortKey ?? null) : null,
    position,
    alinea: cleanAlinea && !/suppression/i.test(cleanAlinea) ? cleanAlinea : null,
  };
}

function authorTypeOf(author: string, onBehalfOf: string): AuthorType {
  const folded = foldLabel(`${author} ${onBehalfOf}`);
  if (/gouvernement/.test(folded)) return "gouvernement";
  if (/rapporteu/.test(folded)) return "rapporteur";
  if (/^commission|au nom de la commission/.test(foldLabel(onBehalfOf)) || /^la commission/.test(foldLabel(author))) return "commission";
  return "senateur";
}

function html(raw: string): { html: string | null; text: string | null } {
  const body = raw
    .replace(/^\s*<body>/i, "")
    .replace(/<\/body>\s*$/i, "")
    .trim();
  if (!body) return { html: null, text: null };
  const clean = sanitizeImportedHtml(body);
  return { html: clean || null, text: htmlToText(clean) || null };
}

/** Sort labels specific to the Sénat, brought to the shared vocabulary before normalising. */
function senatSort(sort: string): string {
  const folded = foldLabel(sort);
  if (/retire/.test(folded)) return "Retiré";
  // Pre-séance values ("Recevable art. 40 C / LOLF"): no decision yet.
  if (/^recevable|^a examiner|^en attente/.test(folded)) return "";
  return sort;
}

/**
 * Parses a jeu complet CSV. Rows that cannot be read are reported with their line number; the
 * others are returned.
 */
export function parseSenatAmendmentsCsv(
  bytes: Buffer,
  file: string,
  known: SenatTextRef | null = senatTextRefOf(file),
): ParsedBatch<AmendmentRecord> {
  const decoded = decodeCp1252OrUtf8(bytes, file);
  const text = decoded.replace(/^sep=.*\r?\n/, "");
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: "\t",
      quote: false,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n"],
    });
  } catch (error) {
    throw new SourceError(`CSV illisible : ${(error as Error).message}`, file);
  }
  const header = rows.shift();
  if (!header) throw new SourceError("fichier vide", file);
  const names = header.map((h) => foldLabel(h));
  const index = new Map<Column, number>();
  for (const column of COLUMNS) {
    const i = names.indexOf(column);
    if (i >= 0) index.set(column, i);
  }
  for (const required of ["nature", "numero", "subdivision", "sort"] as const) {
    if (!index.has(required)) throw new SourceError(`colonne « ${required} » absente de l'en-tête`, file);
  }
  // The text is named by the file's address, else by the amendments' own URLs.
  const urlColumn = index.get("url amendement");
  const fromUrls = urlColumn === undefined ? null : rows.map((r) => senatTextRefOf(r[urlColumn] ?? "")).find((r) => r !== null);
  const ref = known ?? fromUrls ?? null;
  if (!ref)
    throw new SourceError(
      "impossible de savoir de quel texte il s'agit (ni le nom du fichier ni les URL des amendements ne le disent)",
      file,
    );
  const records: AmendmentRecord[] = [];
  const problems: RecordProblem[] = [];
  // Rows whose HTML held a raw line break arrive in pieces: join a row to the next while its HTML is open.
  const joined: Array<{ fields: string[]; line: number }> = [];
  rows.forEach((row, i) => {
    const previous = joined[joined.length - 1];
    const open =
      previous &&
      /<body[\s>]/i.test(previous.fields.join("\t")) &&
      (previous.fields.join("\t").match(/<body[\s>]/gi)?.length ?? 0) > (previous.fields.join("\t").match(/<\/body>/gi)?.length ?? 0);
    if (open && previous) {
      const last = previous.fields.pop() ?? "";
      previous.fields.push(`${last}\n${row[0] ?? ""}`, ...row.slice(1));
    } else joined.push({ fields: row, line: i + 3 });
  });
  for (const { fields: raw, line } of joined) {
    const fields = mergeHtmlFields(raw);
    const get = (column: Column): string => {
      const i = index.get(column);
      return i === undefined ? "" : (fields[i] ?? "").trim();
    };
    const numero = get("numero");
    const record = `ligne ${line}${numero ? ` (n° ${numero})` : ""}`;
    if (fields.length < names.length - 1 || !numero) {
      problems.push({ record, message: `ligne incomplète : ${fields.length} champs pour ${names.length} colonnes`, severity: "error" });
      continue;
    }
    if (fields.length > names.length + 1) {
      problems.push({
        record,
        message: `ligne trop longue : ${fields.length} champs pour ${names.length} colonnes (tabulation dans un champ ?)`,
        severity: "error",
      });
      continue;
    }
    const base = numero.replace(/\s*rect\.?.*$/i, "").trim();
    if (!/^(?:[A-Z]+-)?\d+$/.test(base)) {
      problems.push({
        record,
        message: `numéro d'amendement illisible « ${numero} » (attendu : 12, COM-12 ou 12 rect. bis) : ligne ignorée`,
        severity: "error",
      });
      continue;
    }
    const prefix = /^([A-Z]+-)/.exec(base)?.[1] ?? "";
    const nature = foldLabel(get("nature"));
    const dispositif = html(get("dispositif"));
    const expose = html(get("objet"));
    // An impossible date is unknown, said in a warning, never stored as another day.
    const deposited = readSourceDate(get("date de depot"));
    if (deposited.problem)
      problems.push({ record, message: `date de dépôt : ${deposited.problem}, enregistrée comme inconnue`, severity: "warning" });
    const rawSort = get("sort");
    const outcome = normaliseOutcome({ sort: rawSort ? senatSort(rawSort) || null : null });
    if (!outcome.understood)
      problems.push({ record, message: `sort non reconnu « ${rawSort} » (enregistré comme « inconnu »)`, severity: "warning" });
    // A sub-amendment names its parent only in its first line: "Amendement n° 229 rect.".
    const parentNumber = nature.startsWith("s/amt") ? /amendement\s+n°\s*([A-Z]*-?\d+)/i.exec(dispositif.text ?? "")?.[1] : undefined;
    const author = decodeLabel(get("auteur"));
    const onBehalfOf = decodeLabel(get("au nom de"));
    const senatorUrl = get("fiche senateur");
    const target =
      nature === "motion"
        ? { kind: "autre" as const, label: "Motion", article: null, articleSortKey: null, position: null, alinea: null }
        : senatTarget(get("subdivision"), get("alinea"));
    const uidOf = (n: string) => `SN-${ref.session}-${ref.number}-${n}`;
    records.push({
      uid: uidOf(base),
      chamber: "SN",
      legislature: null,
      dossierUid: null,
      textUid: null,
      textNumber: `${ref.number} (${ref.session})`,
      examRef: null,
      organRef: null,
      stage: ref.committee || prefix === "COM-" ? "commission" : "seance",
      numberLong: numero,
      number: base.replace(/^[A-Z]+-/, ""),
      prefix,
      rectification: senatRectification(numero),
      secondDeliberation: false,
      target,
      authorType: authorTypeOf(author, onBehalfOf),
      authorRef: senatorUrl ? (/senateur\/([\w-]+?)(?:\.html)?$/.exec(senatorUrl)?.[1] ?? null) : null,
      authorName: author.replace(/,\s*(rapporteur|rapporteure|rapporteur général|président).*$/i, "").trim() || null,
      groupRef: null,
      cosignerRefs: [],
      signatories: [author, onBehalfOf && `au nom de ${onBehalfOf}`].filter(Boolean).join(", ") || null,
      dispositifHtml: dispositif.html,
      dispositifText: dispositif.text,
      exposeHtml: expose.html,
      exposeText: expose.text,
      notice: null,
      outcome: outcome.outcome,
      outcomeDetail: outcome.detail ?? (rawSort && foldLabel(rawSort) !== foldLabel(senatSort(rawSort)) ? rawSort : null),
      rawState: null,
      rawSubState: null,
      rawSort: rawSort || null,
      parentUid: parentNumber ? uidOf(parentNumber) : null,
      identicalDiscussionId: null,
      commonDiscussionId: null,
      discussionOrder: null,
      depositedAt: deposited.iso,
      publishedAt: null,
      decidedAt: null,
      codeReference: null,
    });
  }
  return { records, problems };
}

/** cp1252 unless the bytes are valid UTF-8 with accented letters (newer files). */
function decodeCp1252OrUtf8(bytes: Buffer, file: string): string {
  if (bytes.length === 0) throw new SourceError("fichier vide", file);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (/[\u00c0-\u017f]/.test(text)) return text.replace(/^\ufeff/, "");
  } catch {
    // Not UTF-8: the usual cp1252.
  }
  return decodeWindows1252(bytes);
}
