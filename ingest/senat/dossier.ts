/**
 * Sénat *dossier législatif* pages (`/dossier-legislatif/<signet>.html`): the steps of the
 * navette (dépôt, texte de la commission, texte adopté, CMP, promulgation) with their texts and
 * dates; and the dossier's Atom feed (`rss/dosleg<signet>.xml`, ISO-8859-15), whose entries
 * announce new documents. Parsed with htmlparser2; pure.
 */
import { lawUid } from "../texts/jo-law.js";
import { parseDocument } from "htmlparser2";
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import type { DossierRecord, DossierStep, Reading, StepPlace, TextRecord } from "../../src/domain/dossier.js";
import { foldLabel } from "../../src/domain/amendment-outcome.js";
import { identifyText } from "../texts/identity.js";
import { child, isObject, list, SourceError, text, type RawObject } from "../document.js";

const MONTHS: Record<string, string> = {
  janvier: "01",
  fevrier: "02",
  mars: "03",
  avril: "04",
  mai: "05",
  juin: "06",
  juillet: "07",
  aout: "08",
  septembre: "09",
  octobre: "10",
  novembre: "11",
  decembre: "12",
};

/** "18 janvier 2017", "1er mars 2017" → "2017-01-18". */
export function frenchDateToIso(text: string): string | null {
  const match = /(\d{1,2})(?:er)?\s+([a-zéûè]+)\s+(\d{4})/i.exec(text);
  if (!match) return null;
  const month = MONTHS[foldLabel(match[2] ?? "")];
  return month ? `${match[3]}-${month}-${String(match[1]).padStart(2, "0")}` : null;
}

function textOf(nodes: readonly AnyNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (isText(node)) out += node.data;
    else if (isTag(node) && node.name !== "script" && node.name !== "style") out += textOf(node.children);
  }
  return out;
}

function clean(text: string): string {
  return text.replace(/[\u00a0\s]+/g, " ").trim();
}

function classes(element: Element): string[] {
  return (element.attribs["class"] ?? "").split(/\s+/);
}

function* walk(nodes: readonly AnyNode[]): Generator<Element> {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    yield node;
    yield* walk(node.children);
  }
}

function readingOf(heading: string): Reading {
  const folded = foldLabel(heading);
  if (folded.startsWith("premiere lecture")) return "1re_lecture";
  if (folded.startsWith("deuxieme lecture")) return "2e_lecture";
  if (folded.startsWith("troisieme lecture")) return "3e_lecture";
  if (folded.startsWith("commission mixte paritaire")) return "cmp";
  if (folded.startsWith("nouvelle lecture")) return "nouvelle_lecture";
  if (folded.startsWith("lecture definitive")) return "lecture_definitive";
  if (folded.startsWith("lecture unique")) return "lecture_unique";
  if (folded.includes("conseil constitutionnel")) return "conseil_constitutionnel";
  if (folded.startsWith("loi")) return "promulgation";
  return "autre";
}

const READING_CODES: Record<Reading, string> = {
  "1re_lecture": "1",
  "2e_lecture": "2",
  "3e_lecture": "3",
  lecture_unique: "LUNI",
  cmp: "CMP",
  nouvelle_lecture: "NLEC",
  lecture_definitive: "LDEF",
  conseil_constitutionnel: "CC",
  promulgation: "PROM",
  autre: "X",
};

/** The links and sentences of one list item. */
interface Line {
  readonly text: string;
  readonly hrefs: string[];
}

function linesOf(item: Element): Line[] {
  const out: Line[] = [];
  for (const li of walk(item.children)) {
    if (li.name !== "li") continue;
    // Only the item's own text, not its nested list's.
    const own = li.children.filter((c) => !(isTag(c) && (c.name === "ul" || c.name === "ol")));
    const hrefs = [...walk(own)].filter((e) => e.name === "a" && e.attribs["href"]).map((e) => e.attribs["href"] as string);
    out.push({ text: clean(textOf(own)), hrefs });
  }
  return out;
}

const FAILURE = /(n'(a|est) pas (parvenue?|adopte)|rejet|n'a pas pu|echec)/;

/** Parses a dossier page into a dossier with its steps and the texts they name. */
export function parseSenatDossierPage(html: string, file: string): { dossier: DossierRecord; texts: TextRecord[] } {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const all = [...walk(document.children)];
  const title =
    clean(textOf(all.find((e) => e.name === "h1" && classes(e).includes("title-dosleg"))?.children ?? [])) ||
    clean(textOf(all.find((e) => e.name === "title")?.children ?? [])).replace(/\s*-\s*Sénat$/, "");
  if (!title) throw new SourceError("page de dossier législatif du Sénat non reconnue (titre absent)", file);
  const hrefs = all.filter((e) => e.name === "a").map((e) => e.attribs["href"] ?? "");
  const signet =
    /dosleg([a-z]+\d{2}-\d+)\.xml/.exec(hrefs.find((h) => /dosleg[a-z]+\d{2}-\d+\.xml/.test(h)) ?? "")?.[1] ??
    /dossier-legislatif\/([a-z]+\d{2}-\d+)\.html/.exec(file)?.[1] ??
    /(pjl|ppl|plfss|plf)\d{2}-\d+/.exec(file)?.[0] ??
    null;
  if (!signet) throw new SourceError("signet du dossier introuvable (ni lien RSS ni adresse)", file);

  const description = clean(textOf(all.find((e) => e.name === "h2" && classes(e).includes("subtitle-01"))?.children ?? [])).replace(
    /\s*:$/,
    "",
  );
  const procedure = /projet de loi/i.test(description) || signet.startsWith("pjl") ? "Projet de loi" : "Proposition de loi";

  const steps: DossierStep[] = [];
  const texts = new Map<string, TextRecord>();
  let reading: Reading = "autre";
  let place: StepPlace = "SN";
  const addStep = (step: Omit<DossierStep, "details"> & { details?: Record<string, string> }): void => {
    steps.push({ ...step, details: step.details ?? {} });
    if (step.textUid && !texts.has(step.textUid)) {
      texts.set(step.textUid, {
        uid: step.textUid,
        dossierUid: null,
        chamber: step.place === "AN" ? "AN" : "SN",
        number: /n° (\d+)/.exec(step.details?.["libelle"] ?? "")?.[1] ?? null,
        title: null,
        kind: step.textRole,
        date: step.date,
      });
    }
  };
  const textStep = (line: Line, stage: DossierStep["stage"], role: DossierStep["textRole"], stepPlace: StepPlace): void => {
    const href = line.hrefs.find((h) => identifyText(h).fallbackUid !== null) ?? null;
    const textUid = href ? identifyText(href).fallbackUid : null;
    const code = `${stepPlace === "AN" ? "AN" : stepPlace === "CMP" ? "" : "SN"}${READING_CODES[reading]}-${stage.toUpperCase()}`.replace(
      /^-/,
      "CMP-",
    );
    addStep({
      code: reading === "cmp" && stepPlace !== "CMP" ? `CMP-${stage.toUpperCase()}-${stepPlace}` : code,
      place: stepPlace,
      reading,
      stage,
      date: frenchDateToIso(line.text),
      textUid,
      textRole: textUid ? role : null,
      outcome: stage === "seance" ? (/((?:adopt|modifi|rejet)[ée]+[^,.]*)/i.exec(line.text)?.[1] ?? null) : null,
      succeeded: true,
      details: { libelle: line.text },
    });
  };

  const content = all.filter(
    (e) => (e.name === "h3" && classes(e).includes("title-02")) || (e.name === "div" && /^timeline-\d+$/.test(e.attribs["id"] ?? "")),
  );
  for (const element of content) {
    if (element.name === "h3") {
      reading = readingOf(clean(textOf(element.children)));
      if (reading === "cmp") place = "CMP";
      continue;
    }
    const heading = [...walk(element.children)].find((e) => e.name === "h4");
    if (heading) {
      const name = foldLabel(clean(textOf(heading.children)));
      place = name.startsWith("assemblee") ? "AN" : name.startsWith("senat") ? "SN" : place;
    }
    const lines = linesOf(element);
    const isCommission =
      lines.some((l) => /^travaux de commission/i.test(l.text)) || (reading === "cmp" && lines.some((l) => /^rapport/i.test(l.text)));
    for (const line of lines) {
      const folded = foldLabel(line.text);
      if (reading === "promulgation") {
        const law = /n° (\d{4}-\d+)/.exec(line.text)?.[1];
        if (law) {
          addStep({
            code: "PROM-PUB",
            place: "PR",
            reading,
            stage: "promulgation",
            date: frenchDateToIso(line.text),
            textUid: lawUid(law),
            textRole: "loi",
            outcome: null,
            succeeded: true,
            details: {
              loi: law,
              libelle: line.text,
              ...Object.fromEntries(
                line.hrefs
                  .filter((h) => /legifrance\.gouv\.fr/.test(h))
                  .slice(0, 1)
                  .map((h) => ["legifrance", h]),
              ),
            },
          });
        }
        continue;
      }
      if (/^texte de la commission\b/.test(folded)) textStep(line, "commission", "commission", reading === "cmp" ? "CMP" : place);
      else if (/^texte n° .*(depose|transmis)/.test(folded)) textStep(line, "depot", "depose", place);
      else if (/^texte n° .*(adopte|modifie|rejete)/.test(folded)) {
        const by: StepPlace = /par l'assemblee nationale/.test(folded)
          ? "AN"
          : /par le senat/.test(folded)
            ? "SN"
            : place === "CMP"
              ? "SN"
              : place;
        textStep(line, "seance", "adopte", by);
      } else if (FAILURE.test(folded) && !/amendement/.test(folded)) {
        const cmp = reading === "cmp";
        addStep({
          code: cmp ? "CMP-DEC" : `${place === "AN" ? "AN" : "SN"}${READING_CODES[reading]}-${isCommission ? "COMMISSION" : "SEANCE"}`,
          place: cmp ? "CMP" : place,
          reading,
          stage: cmp ? "cmp" : isCommission ? "commission" : "seance",
          date: frenchDateToIso(line.text),
          textUid: null,
          textRole: null,
          outcome: line.text,
          succeeded: false,
          details: { libelle: line.text },
        });
      }
    }
  }
  const uid = `SENAT-${signet}`;
  const dossier: DossierRecord = {
    uid,
    legislature: null,
    title: description || title,
    slug: signet,
    procedure,
    senatSignet: signet,
    senatUrl: `https://www.senat.fr/dossier-legislatif/${signet}.html`,
    steps,
  };

  return { dossier, texts: [...texts.values()].map((t) => ({ ...t, dossierUid: uid })) };
}

/** One entry of a dossier's Atom feed. */
export interface SenatFeedEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string | null;
  readonly updated: string | null;
  readonly summary: string | null;
}

/** What a dossier's feed gives: its entries, and the texts they announce. */
export interface SenatFeed {
  readonly signet: string | null;
  readonly title: string | null;
  readonly entries: SenatFeedEntry[];
  readonly texts: TextRecord[];
}

/** Parses a dossier's Atom feed (any encoding the XML declares, ISO-8859-15 in practice). */
export function parseSenatDossierFeed(doc: RawObject, file: string): SenatFeed {
  const feed = child(doc, "feed");
  if (!feed) throw new SourceError("pas un flux Atom (élément feed absent)", file);
  const feedId = text(feed, "id") ?? "";
  const signet = /dossierleg\/([a-z]+\d{2}-\d+)\.html/.exec(feedId)?.[1] ?? /dosleg([a-z]+\d{2}-\d+)\.xml/.exec(file)?.[1] ?? null;
  const entries: SenatFeedEntry[] = list(feed, "entry")
    .filter(isObject)
    .map((entry) => {
      const links = list(entry, "link").filter(isObject);
      const href = (links.find((l) => l["@rel"] === "alternate") ?? links[0])?.["@href"];
      const link = typeof href === "string" ? new URL(href, "https://www.senat.fr/").toString() : null;
      return {
        id: text(entry, "id") ?? link ?? "",
        title: text(entry, "title") ?? "",
        link,
        updated: text(entry, "updated"),
        summary: text(entry, "summary"),
      };
    });
  const texts: TextRecord[] = [];
  for (const entry of entries) {
    if (!entry.link || !/\/leg\//.test(entry.link)) continue;
    const identity = identifyText(entry.link);
    if (!identity.fallbackUid) continue;
    texts.push({
      uid: identity.fallbackUid,
      dossierUid: signet ? `SENAT-${signet}` : null,
      chamber: "SN",
      number: identity.number,
      title: entry.summary,
      kind: /texte de la commission/i.test(entry.summary ?? "")
        ? "commission"
        : /(modifi|adopt)/i.test(entry.summary ?? "")
          ? "adopte"
          : identity.role,
      date: frenchDateToIso(entry.summary ?? "") ?? entry.updated?.slice(0, 10) ?? null,
    });
  }
  return { signet, title: text(feed, "title"), entries, texts };
}
