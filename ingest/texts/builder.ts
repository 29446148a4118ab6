/**
 * Assembles a {@link ParsedText} from a stream of structural events (division, article
 * heading, marker line, alinéa, annex), whatever the source format. Pure.
 */
import {
  parseArticleHeading,
  parseMarkers,
  parsePartPlaceholder,
  printedStatus,
  type ArticleMarker,
} from "../../src/domain/article-heading.js";
import type {
  Alinea,
  DivisionKind,
  ParsedText,
  TextAnnex,
  TextArticle,
  TextDivision,
  TextOutcome,
  TextWarning,
} from "../../src/domain/bill-text.js";
import { DIVISION_KINDS } from "../../src/domain/bill-text.js";
import { foldLabel } from "../../src/domain/amendment-outcome.js";

interface OpenArticle {
  heading: string;
  markers: ArticleMarker[];
  divisionId: string | null;
  alineas: Alinea[];
  numbers: { canonical: string; sortKey: string }[];
  openRange: { from: string; to: string } | null;
  readable: boolean;
}

/** Builds a parsed text; call the methods in document order, then {@link TextBuilder.finish}. */
export class TextBuilder {
  private readonly divisions: TextDivision[] = [];
  private readonly articles: TextArticle[] = [];
  private readonly annexes: TextAnnex[] = [];
  private readonly warnings: TextWarning[] = [];
  private readonly seen = new Set<string>();
  private readonly stack: TextDivision[] = [];
  private article: OpenArticle | null = null;
  private annex: { title: string; alineas: Alinea[] } | null = null;
  private lastDivision: TextDivision | null = null;
  private outcome: TextOutcome | null = null;
  private title: string | null = null;
  private readonly metadata: Record<string, string> = {};

  constructor(private readonly format: ParsedText["format"]) {}

  /** True once an article or division has been seen (the preamble is over). */
  get started(): boolean {
    return this.articles.length > 0 || this.article !== null || this.divisions.length > 0;
  }

  /** True while inside an article. */
  get inArticle(): boolean {
    return this.article !== null;
  }

  /** True while inside an annex. */
  get inAnnex(): boolean {
    return this.annex !== null;
  }

  /** True right after a division number, while its heading is still expected. */
  get awaitingDivisionHeading(): boolean {
    return this.lastDivision !== null && this.lastDivision.heading === null && this.article === null;
  }

  setTitle(title: string): void {
    if (!this.title) this.title = title;
  }

  setMetadata(key: string, value: string): void {
    this.metadata[key] = value;
  }

  hasMetadata(key: string): boolean {
    return key in this.metadata;
  }

  warn(place: string, message: string): void {
    this.warnings.push({ place, message });
  }

  /** Opens a division ("TITRE IER", "CHAPITRE II", "Section 1"). */
  division(kind: DivisionKind, number: string, heading: string | null = null, markers: ArticleMarker[] = []): void {
    this.closeArticle();
    this.closeAnnex();
    const level = DIVISION_KINDS.indexOf(kind);
    while (this.stack.length > 0 && DIVISION_KINDS.indexOf((this.stack[this.stack.length - 1] as TextDivision).kind) >= level)
      this.stack.pop();
    const division: TextDivision = {
      id: `d${this.divisions.length + 1}`,
      parentId: this.stack[this.stack.length - 1]?.id ?? null,
      kind,
      number,
      heading,
      markers,
    };
    this.divisions.push(division);
    this.stack.push(division);
    this.lastDivision = division;
  }

  /** Sets the heading of the division just opened. */
  divisionHeading(heading: string): void {
    if (this.lastDivision && this.lastDivision.heading === null) {
      this.lastDivision.heading = heading;
      for (const marker of parseMarkers(heading)) if (!this.lastDivision.markers.includes(marker)) this.lastDivision.markers.push(marker);
    }
  }

  /** Opens an article from its printed heading; a heading that does not parse is kept, with a warning. */
  articleHeading(raw: string, place: string): void {
    this.closeArticle();
    this.closeAnnex();
    this.lastDivision = null;
    const parsed = parseArticleHeading(raw);
    if (!parsed) this.warn(place, `titre d'article illisible : « ${raw} »`);
    const numbers = parsed?.numbers.map((n) => ({ canonical: n.canonical, sortKey: n.sortKey })) ?? [];
    const openRange = parsed?.range && !parsed.range.expanded ? { from: parsed.range.from.canonical, to: parsed.range.to.canonical } : null;
    if (openRange) this.warn(place, `plage « ${openRange.from} à ${openRange.to} » à compléter d'après la version précédente`);
    this.article = {
      heading: parsed?.raw ?? raw.trim(),
      markers: parsed ? [...parsed.markers] : parseMarkers(raw),
      divisionId: this.stack[this.stack.length - 1]?.id ?? null,
      alineas: [],
      numbers,
      openRange,
      readable: parsed !== null,
    };
  }

  /** A line made only of markers right after a heading ("(Non modifié)"); returns false when it is not one. */
  markerLine(text: string): boolean {
    const markers = parseMarkers(text);
    const rest = text.replace(/\([^()]*\)|\[[^[\]]*\]/g, "").trim();
    if (markers.length === 0 || rest !== "") return false;
    if (this.article && this.article.alineas.length === 0) {
      for (const m of markers) if (!this.article.markers.includes(m)) this.article.markers.push(m);
      return true;
    }
    if (!this.article && this.lastDivision) {
      for (const m of markers) if (!this.lastDivision.markers.includes(m)) this.lastDivision.markers.push(m);
      return true;
    }
    return false;
  }

  /** Adds an alinéa to the open article or annex; outside both, it is preamble (checked for outcome sentences). */
  alinea(text: string, options: { table?: boolean } = {}): void {
    const clean = text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
    if (clean === "") return;
    const target = this.article?.alineas ?? this.annex?.alineas;
    if (!target) {
      this.noticeOutcome(clean);
      return;
    }
    const placeholder = options.table ? null : parsePartPlaceholder(clean);
    target.push({
      number: target.length + 1,
      text: clean,
      ...(placeholder && placeholder.rest === "" ? { placeholder } : {}),
      ...(options.table ? { table: true } : {}),
    });
  }

  /** Opens an annex; what follows belongs to it until the next article or division. */
  startAnnex(title: string): void {
    this.closeArticle();
    this.closeAnnex();
    this.lastDivision = null;
    this.annex = { title, alineas: [] };
  }

  /** Sets the title of the open annex when it was printed on the next line. */
  annexTitle(title: string): void {
    if (this.annex && /^annexe/i.test(this.annex.title) && this.annex.alineas.length === 0)
      this.annex.title = `${this.annex.title} — ${title}`;
  }

  /** Recognises the sentences that say a text was rejected or not adopted. */
  noticeOutcome(text: string): void {
    const folded = foldLabel(text);
    if (/commission mixte paritaire n'(a|est) pas (pu |parvenue? )?(a )?(l')?(elaborer|adopt)/.test(folded)) this.outcome = "cmp_echec";
    else if (/la commission n'a pas adopte de texte/.test(folded)) this.outcome = "pas_de_texte_commission";
    else if (/(n'a pas adopte|a rejete|a decide qu'il n'y avait pas lieu de deliberer)/.test(folded) && /(senat|assemblee)/.test(folded))
      this.outcome = "rejete";
  }

  private closeArticle(): void {
    const open = this.article;
    this.article = null;
    if (!open) return;
    const status = printedStatus(open.markers);
    if (open.numbers.length === 0) {
      this.articles.push(this.makeArticle(open, null, null, status, null));
      return;
    }
    const group = open.numbers.length > 1 ? open.numbers.map((n) => n.canonical) : null;
    if (group && open.alineas.length > 0 && status === "texte") {
      this.warn(`article ${group.join(", ")}`, "plusieurs articles sous un même titre avec un texte : le texte est attribué au premier");
    }
    open.numbers.forEach((n, index) => {
      this.articles.push(this.makeArticle(open, n.canonical, n.sortKey, status, group, index === 0 ? open.alineas : []));
    });
  }

  private makeArticle(
    open: OpenArticle,
    number: string | null,
    sortKey: string | null,
    status: TextArticle["status"],
    group: string[] | null,
    alineas: Alinea[] = open.alineas,
  ): TextArticle {
    const duplicate = number !== null && this.seen.has(number);
    if (duplicate) this.warn(`article ${number}`, `numéro d'article en double « ${number} » : les deux articles sont gardés`);
    if (number !== null) this.seen.add(number);
    return {
      number,
      sortKey,
      heading: open.heading,
      markers: open.markers,
      status,
      divisionId: open.divisionId,
      alineas,
      group,
      openRange: open.openRange,
      duplicate,
    };
  }

  private closeAnnex(): void {
    if (this.annex) this.annexes.push(this.annex);
    this.annex = null;
  }

  /** Closes what is open and returns the parsed text. */
  finish(): ParsedText {
    this.closeArticle();
    this.closeAnnex();
    if (this.articles.length === 0 && this.outcome === null) this.warn("texte", "aucun article trouvé");
    return {
      format: this.format,
      title: this.title,
      divisions: this.divisions,
      articles: this.articles,
      annexes: this.annexes,
      outcome: this.outcome,
      warnings: this.warnings,
      metadata: this.metadata,
    };
  }
}

/** Division kind of a heading word ("TITRE", "Chapitre", "SOUS-SECTION"…), or null. */
export function divisionKindOf(word: string): DivisionKind | null {
  const folded = foldLabel(word).replace(/\s+/g, "-");
  return (DIVISION_KINDS as readonly string[]).includes(folded) ? (folded as DivisionKind) : null;
}

/** Reads a division line ("TITRE IER", "CHAPITRE II (nouveau)", "PREMIÈRE PARTIE", "Section 1"). */
export function parseDivisionLine(text: string): { kind: DivisionKind; number: string; markers: ArticleMarker[] } | null {
  const clean = text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
  if (clean.startsWith("«") || clean.length > 120) return null;
  const markers = parseMarkers(clean);
  const body = clean.replace(/\([^()]*\)/g, "").trim();
  const direct = /^(tome|partie|livre|titre|chapitre|section|sous-section|paragraphe)\s+(.+)$/i.exec(body);
  if (direct) {
    const kind = divisionKindOf(direct[1] ?? "");
    const number = (direct[2] ?? "").trim();
    if (
      kind &&
      /^([IVXLC]+(er|ER)?|\d+(er)?|PRÉLIMINAIRE|préliminaire|unique|UNIQUE|[A-Z])(\s+(bis|ter|quater|BIS|TER|QUATER))?(\s+[A-Z])?$/u.test(
        number,
      )
    ) {
      return { kind, number, markers };
    }
    return null;
  }
  const ordinal = /^(premi[eè]re|seconde|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+(partie)$/iu.exec(body);
  if (ordinal) return { kind: "partie", number: (ordinal[1] ?? "").toLowerCase(), markers };
  return null;
}

/** Reads an unnamed subdivision heading ("II. – RESSOURCES AFFECTÉES", "A. - Mesures fiscales"). */
export function parseSubdivisionLine(text: string): { number: string; heading: string } | null {
  const clean = text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
  const match = /^([IVXL]+|[A-Z]|\d+)\s*\.\s*[–—-]\s*(\S.{1,100})$/u.exec(clean);
  if (!match || clean.startsWith("«")) return null;
  return { number: match[1] ?? "", heading: (match[2] ?? "").trim() };
}
