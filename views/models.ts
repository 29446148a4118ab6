/**
 * The view-models pages are rendered from: plain data, built by the read layer
 * (src/web/queries.ts and the routes) and given to the views as props. Views import nothing from
 * the web application or the database (dependency-cruiser, .dependency-cruiser.cjs); these types
 * are theirs, and the rows the read layer passes are structurally compatible with them.
 */
import type { CreditTable } from "../src/domain/credit-table.js";
import type { AmendmentOutcome } from "../src/domain/amendment.js";
import type { EventKind } from "../src/domain/events.js";

/** A bill as pages show it. */
export interface DossierView {
  readonly uid: string;
  readonly legislature: string | null;
  readonly title: string;
  readonly slug: string | null;
  readonly procedure: string | null;
  readonly senat_signet: string | null;
  readonly senat_url: string | null;
}

/** A step of a bill as pages show it. */
export interface DossierStepView {
  readonly dossier_uid: string;
  readonly step_key: string;
  readonly position: number;
  readonly code: string;
  readonly place: string;
  readonly reading: string;
  readonly stage: string;
  readonly date: string | null;
  readonly text_uid: string | null;
  readonly text_role: string | null;
  readonly outcome: string | null;
  readonly succeeded: number;
  readonly details: string;
}

/** A recorded change as pages show it. */
export interface EventView {
  readonly id: number;
  readonly kind: EventKind;
  readonly subject_type: string;
  readonly subject_id: string;
  readonly dossier_uid: string | null;
  readonly text_uid: string | null;
  readonly article: string | null;
  readonly payload: string;
  readonly occurred_at: string | null;
  readonly recorded_at: string;
  readonly run_id: number | null;
}

/** An amendment as its page shows it. */
export interface AmendmentRecordView {
  readonly uid: string;
  readonly chamber: string;
  readonly number_long: string;
  readonly text_uid: string | null;
  readonly text_number: string | null;
  readonly stage: string | null;
  readonly author_name: string | null;
  readonly author_type: string;
  readonly signatories: string | null;
  readonly target_kind: string;
  readonly target_label: string | null;
  readonly target_article: string | null;
  readonly target_position: string | null;
  readonly target_alinea: string | null;
  readonly dispositif_html: string | null;
  readonly expose_html: string | null;
  readonly notice: string | null;
  readonly outcome: string;
  readonly outcome_detail: string | null;
  readonly deposited_at: string | null;
  readonly decided_at: string | null;
  /** The author's political group, by its full name (AMO data). */
  readonly group_name: string | null;
}

/** One amendment with everything its page shows. */
export interface AmendmentView {
  readonly amendment: AmendmentRecordView;
  /** Its page on the Assemblée's or the Sénat's site, when the data says enough to build it. */
  readonly officialUrl: string | null;
  /** Its author's page on the chamber's site (a deputy or a senator). */
  readonly authorUrl: string | null;
  /** The themes its text was tagged with, each with the words found. */
  readonly themes: ReadonlyArray<{
    readonly theme: string;
    readonly evidence: ReadonlyArray<{ readonly alinea: number; readonly term: string }>;
  }>;
  /** The credits a budget amendment moves, instead of a dispositif. */
  readonly credits: CreditTable | null;
  readonly identical: ReadonlyArray<{ uid: string; number_long: string; author_name: string | null; outcome: string }>;
  readonly subAmendments: ReadonlyArray<{ uid: string; number_long: string; author_name: string | null; outcome: string }>;
  readonly parent: { uid: string; number_long: string } | null;
  readonly provisionId: string | null;
  readonly dossier: { uid: string; title: string } | null;
}

/** A bill in the list of bills. */
export interface DossierSummary {
  readonly uid: string;
  readonly title: string;
  readonly legislature: string | null;
  readonly procedure: string | null;
  readonly amendments: number;
  readonly adopted: number;
  readonly lastStepDate: string | null;
  /** Known only by its amendments: no dossier imported yet. */
  readonly partial: boolean;
}

/** A bill with its steps, texts, amendment counts and latest events. */
export interface DossierDetail {
  readonly dossier: DossierView;
  readonly steps: DossierStepView[];
  readonly texts: Map<string, { number: string | null; title: string | null }>;
  readonly amendmentsByText: { text_uid: string | null; outcome: string; n: number }[];
  readonly events: EventView[];
}

/** A step of the matrix: a dossier step that has a text. */
export interface MatrixStep {
  readonly key: string;
  readonly place: string;
  readonly reading: string;
  readonly stage: string;
  readonly date: string | null;
}

/** The article × step matrix of a bill. */
export interface ProvisionMatrix {
  readonly steps: MatrixStep[];
  readonly provisions: Array<{
    id: string;
    firstNumber: string;
    lastNumber: string;
    /** Its number in the promulgated law, once known. */
    lawNumber: string | null;
    lastStatus: string;
    /** Per step: status, number, share of the text changed, and the text's size (characters stored). */
    states: Map<string, { status: string; number: string; changeRatio: number; size: number }>;
    /** Amendments attached to this provision (see amendment-links.ts). */
    amendments: number;
  }>;
  /** Amendments of the bill attached to no provision (titles, headings, unknown articles). */
  readonly unattachedAmendments: number;
}

/** One step of a provision's history. */
export interface ProvisionStepView {
  readonly stepKey: string;
  readonly place: string;
  readonly reading: string;
  readonly stage: string;
  readonly date: string | null;
  readonly textUid: string | null;
  readonly number: string;
  readonly status: string;
  readonly changeRatio: number;
  readonly printed: boolean;
  readonly closed: boolean;
  readonly alineas: Array<{ number: number; text: string }>;
  readonly causes: Array<{ uid: string; numberLong: string; authorName: string | null }>;
}

/** An amendment listed on a provision page. */
export interface ProvisionAmendment {
  readonly uid: string;
  readonly numberLong: string;
  readonly textUid: string | null;
  /** « AN » or « SN ». */
  readonly chamber: string;
  readonly stage: string | null;
  readonly outcome: string;
  readonly outcomeDetail: string | null;
  readonly authorName: string | null;
  readonly authorType: string;
  readonly groupRef: string | null;
  /** The group's full name, when the AMO data is imported. */
  readonly groupName: string | null;
  readonly targetKind: string;
  readonly targetPosition: string | null;
  readonly targetArticle: string | null;
  readonly alinea: string | null;
  readonly parentUid: string | null;
  readonly summary: string | null;
  readonly discussionOrder: string | null;
}

/** A provision with its history and amendments. */
export interface ProvisionDetail {
  readonly dossier: DossierView;
  readonly id: string;
  readonly firstNumber: string;
  readonly lastNumber: string;
  /** Its number in the promulgated law, once known. */
  readonly lawNumber: string | null;
  readonly steps: ProvisionStepView[];
  readonly amendments: ProvisionAmendment[];
}

/** Evidence of a tag as stored. */
export interface StoredEvidence {
  readonly rule: string;
  readonly term: string;
  readonly alinea: number;
  readonly start: number;
  readonly end: number;
}

/** A theme on a provision: where the rules found it, and what people decided. */
export interface ProvisionTheme {
  readonly theme: string;
  /** Evidence per step where the rules found it. */
  readonly steps: Array<{ stepKey: string; evidence: StoredEvidence[] }>;
  readonly decision: { decision: string; reason: string; author: string; createdAt: string } | null;
}

/** A tagged article as the morning page lists it: where it stands and when that last changed. */
export interface TaggedProvision {
  readonly id: string;
  readonly number: string;
  readonly themes: string[];
  readonly status: string;
  readonly lastChange: { readonly step: string; readonly date: string | null; readonly recordedAt: string } | null;
}

/** A theme with how many articles (of any bill) and amendments carry it. */
export interface ThemeCount {
  readonly theme: string;
  readonly provisions: number;
  readonly amendments: number;
}

/** A code article cited by the texts or amendments followed, with how many cite it. */
export interface CodeArticleCount {
  readonly code: string;
  readonly article: string;
  readonly subjects: number;
}

/** One line of a group. */
export interface ChangeLine {
  readonly title: string;
  readonly path: string;
  readonly date: string;
}

/** The changes of one step, or of the amendments to one text. */
export interface ChangeGroup {
  readonly heading: string;
  readonly date: string | null;
  readonly lines: readonly ChangeLine[];
}

/** An annotation as the article page and the volunteer's page show it. */
export type { Annotation as AnnotationView } from "../src/domain/annotation.js";

/** A search result: what it is, where it stands, its fate, and an extract with the words found marked. */
export interface SearchHitView {
  readonly kind: string;
  readonly ref: string;
  readonly dossierUid: string;
  readonly title: string;
  /** What places it: the bill's title for an article; chamber, stage and author for an amendment. */
  readonly context: string | null;
  /** « adopté en commission à l'Assemblée le 6 mars 2025 », for an amendment. */
  readonly outcome: { readonly value: string; readonly sentence: string } | null;
  /** True when found because the query names its article. */
  readonly byArticle: boolean;
  readonly extract: ReadonlyArray<{ readonly text: string; readonly mark: boolean }>;
}

/** What the page layout needs of the request: who is asking, and the versioned address of each asset. */
export interface PageContext {
  readonly visitor: { readonly user: { readonly displayName: string; readonly role: string } | null; readonly csrfToken: string } | null;
  readonly assetPath: (name: string) => string;
}

/** What a page shows of a sync: counts by outcome and the files that did not come. */
export interface SyncDigest {
  readonly imported: number;
  readonly unchanged: number;
  readonly missing: number;
  readonly failed: number;
  readonly created: number;
  readonly changed: number;
  readonly problems: ReadonlyArray<{
    readonly about: string;
    readonly url: string;
    readonly outcome: "missing" | "failed";
    readonly message: string | null;
  }>;
}

/** A followed bill as the page shows it. */
export interface FollowedView {
  readonly id: number;
  readonly source: "an" | "senat";
  readonly key: string;
  readonly address: string;
  readonly dossier: { readonly uid: string; readonly title: string } | null;
  readonly lastSyncAt: string | null;
  readonly lastSyncStatus: string | null;
  readonly digest: SyncDigest | null;
}

/** A bill known only by its amendments (no dossier imported yet), as its page shows it. */
export interface PartialDossierView {
  readonly uid: string;
  readonly legislature: string | null;
  readonly total: number;
  readonly outcomes: ReadonlyMap<AmendmentOutcome, number>;
  readonly texts: ReadonlyArray<{
    readonly textUid: string;
    readonly textNumber: string | null;
    readonly chamber: string;
    readonly stage: string | null;
    readonly amendments: number;
    readonly adopted: number;
  }>;
  readonly articles: ReadonlyArray<{
    readonly label: string;
    readonly amendments: ReadonlyArray<{ readonly uid: string; readonly numberLong: string; readonly outcome: AmendmentOutcome }>;
  }>;
  readonly truncated: boolean;
}
