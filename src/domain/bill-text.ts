/**
 * A version of a bill's text split into divisions, articles and alinéas, as importers produce it.
 */
import type { ArticleMarker, PartPlaceholder, PrintedStatus } from "./article-heading.js";

/** Kinds of divisions, from the largest. */
export const DIVISION_KINDS = [
  "tome",
  "partie",
  "livre",
  "titre",
  "chapitre",
  "section",
  "sous-section",
  "paragraphe",
  "subdivision",
] as const;
export type DivisionKind = (typeof DIVISION_KINDS)[number];

/**
 * A division (titre, chapitre…) of the text. "subdivision" is an unnamed lettered or numbered
 * heading between articles ("II. – RESSOURCES AFFECTÉES", "A. – Mesures fiscales").
 */
export interface TextDivision {
  /** Position-based id, unique in the text ("d3"). */
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: DivisionKind;
  /** Number as printed ("Ier", "II", "PRÉLIMINAIRE", "1"). */
  readonly number: string;
  /** Heading ("Une administration qui accompagne"), when printed. */
  heading: string | null;
  readonly markers: ArticleMarker[];
}

/** One alinéa of an article. */
export interface Alinea {
  /** 1-based number within the article. */
  readonly number: number;
  /** Clean text (tables flattened cell by cell, " | " between cells). */
  readonly text: string;
  /** A partial placeholder ("II et III. – (Non modifiés)") to be filled from the previous version. */
  readonly placeholder?: PartPlaceholder;
  /** True when the alinéa is a table. */
  readonly table?: boolean;
}

/** An article of a text version. */
export interface TextArticle {
  /** Canonical number ("8 ter"), or null when the heading could not be read. */
  readonly number: string | null;
  readonly sortKey: string | null;
  /** Heading as printed ("Article 8 ter (nouveau)", "Articles 19 à 24"). */
  readonly heading: string;
  readonly markers: ArticleMarker[];
  readonly status: PrintedStatus;
  readonly divisionId: string | null;
  readonly alineas: Alinea[];
  /** For articles printed together ("Articles 3 et 4 (Conformes)"), the shared heading's members. */
  readonly group: string[] | null;
  /** Set when a range could not be expanded: the previous version decides its members. */
  readonly openRange: { readonly from: string; readonly to: string } | null;
  /** Set on the second and later articles that repeat a number already seen. */
  readonly duplicate: boolean;
}

/** An annex (kept apart from the articles). */
export interface TextAnnex {
  readonly title: string;
  readonly alineas: Alinea[];
}

/** Something the parser could not interpret, with where it is. */
export interface TextWarning {
  /** "article 56 bis", "bloc 120", "métadonnées". */
  readonly place: string;
  readonly message: string;
}

/** Outcome sentences some texts carry instead of (or before) articles. */
export type TextOutcome = "rejete" | "pas_de_texte_commission" | "cmp_echec";

/** A parsed text version. */
export interface ParsedText {
  readonly format: "an-html" | "senat-html" | "akn" | "jo-html";
  /** Title of the bill as printed, when found. */
  readonly title: string | null;
  readonly divisions: TextDivision[];
  readonly articles: TextArticle[];
  readonly annexes: TextAnnex[];
  readonly outcome: TextOutcome | null;
  readonly warnings: TextWarning[];
  /** Metadata found in the document (AKN FRBR aliases, numbers). */
  readonly metadata: Readonly<Record<string, string>>;
}
