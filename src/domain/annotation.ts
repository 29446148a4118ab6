/**
 * A volunteer's note on one version of an article, as stored and as pages show it.
 */

/** An annotation: where it is anchored (step, alinéa, quotation), what it says, who wrote it, who may see it. */
export interface Annotation {
  readonly id: number;
  readonly stepKey: string;
  readonly alinea: number | null;
  readonly quote: string | null;
  readonly body: string;
  readonly bodyHtml: string;
  readonly authorId: number;
  readonly authorName: string;
  readonly visibility: string;
  readonly hidden: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly revisions: number;
  readonly dossierUid: string;
  readonly provisionId: string;
}
