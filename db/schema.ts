/**
 * Table types shared by SQLite and PostgreSQL. Dates are ISO-8601 text, booleans are 0/1
 * integers and lists are JSON text, so both dialects store the same values.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { ProvisionLinkKind } from "../src/domain/navette/amendment-links.js";
import type { EventKind } from "../src/domain/events.js";

/** An integer id the database assigns. */
type Id = Generated<number>;

export interface DossiersTable {
  uid: string;
  legislature: string | null;
  title: string;
  slug: string | null;
  procedure: string | null;
  senat_signet: string | null;
  senat_url: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface DossierStepsTable {
  dossier_uid: string;
  /** Act code and occurrence ("AN1-DEPOT#1"): stable across re-imports. */
  step_key: string;
  position: number;
  code: string;
  place: string;
  reading: string;
  stage: string;
  date: string | null;
  text_uid: string | null;
  text_role: string | null;
  outcome: string | null;
  succeeded: number;
  /** JSON object of extra facts. */
  details: string;
}

export interface TextsTable {
  uid: string;
  dossier_uid: string | null;
  chamber: string | null;
  number: string | null;
  title: string | null;
  kind: string | null;
  date: string | null;
  created_at: string;
  updated_at: string;
  /** Content columns (null until the text itself is imported). */
  format: string | null;
  source: string | null;
  content_hash: string | null;
  parsed_at: string | null;
  outcome: string | null;
  /** JSON list of parser warnings. */
  warnings: string | null;
  full_title: string | null;
}

export interface TextDivisionsTable {
  text_uid: string;
  division_id: string;
  position: number;
  parent_id: string | null;
  kind: string;
  number: string;
  heading: string | null;
  /** JSON list of markers. */
  markers: string;
}

export interface TextArticlesTable {
  text_uid: string;
  position: number;
  number: string | null;
  sort_key: string | null;
  heading: string;
  status: string;
  markers: string;
  division_id: string | null;
  /** JSON list of alinéas ({ number, text, placeholder?, table? }). */
  alineas: string;
  group_numbers: string | null;
  open_range: string | null;
  duplicate: number;
}

export interface TextAnnexesTable {
  text_uid: string;
  position: number;
  title: string;
  alineas: string;
}

export interface AmendmentsTable {
  uid: string;
  chamber: string;
  legislature: string | null;
  dossier_uid: string | null;
  text_uid: string | null;
  text_number: string | null;
  exam_ref: string | null;
  organ_ref: string | null;
  stage: string | null;
  number_long: string;
  number: string;
  prefix: string;
  rectification: number;
  second_deliberation: number;
  target_kind: string;
  target_label: string | null;
  target_article: string | null;
  target_article_sort_key: string | null;
  /** The provision this amendment is about, set by the analysis (null: not attached). */
  provision_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** How it is attached: on the article, creating it, or next to it (see amendment-links.ts). */
  provision_link: ColumnType<ProvisionLinkKind | null, ProvisionLinkKind | null | undefined, ProvisionLinkKind | null>;
  target_position: string | null;
  target_alinea: string | null;
  author_type: string;
  author_ref: string | null;
  author_name: string | null;
  group_ref: string | null;
  /** JSON list of actor refs. */
  cosigner_refs: string;
  signatories: string | null;
  dispositif_html: string | null;
  dispositif_text: string | null;
  expose_html: string | null;
  expose_text: string | null;
  notice: string | null;
  outcome: string;
  outcome_detail: string | null;
  raw_state: string | null;
  raw_sub_state: string | null;
  raw_sort: string | null;
  parent_uid: string | null;
  identical_discussion_id: string | null;
  common_discussion_id: string | null;
  discussion_order: string | null;
  deposited_at: string | null;
  published_at: string | null;
  decided_at: string | null;
  code_reference: string | null;
  content_hash: string;
  source_file: string | null;
  /** JSON credit table of a budget amendment (src/domain/credit-table.ts), else null. */
  credits: string | null;
  first_run_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProvisionsTable {
  dossier_uid: string;
  /** Engine id: first number and first step ("8 ter@SN1-DEPOT#1"). */
  provision_id: string;
  position: number;
  first_number: string;
  /** Its number in the navette: the last one before the law (« 15 ter »). */
  last_number: string;
  /** Its number in the promulgated law (« 18 »), once the law is known. */
  law_number: string | null;
  last_status: string;
}

export interface ProvisionStatesTable {
  dossier_uid: string;
  provision_id: string;
  step_key: string;
  step_position: number;
  text_uid: string | null;
  number: string;
  status: string;
  change_ratio: number;
  base_step_key: string | null;
  printed: number;
  closed: number;
  /** JSON list of the complete alinéas at that step. */
  alineas: string;
  /** JSON list of amendment uids that explain the status. */
  causes: string;
}

export interface DossierSourcesTable {
  /** "an" or "senat". */
  source: string;
  source_uid: string;
  /** Sénat signet shared by both sources of one bill. */
  merge_key: string | null;
  /** JSON of the source's DossierRecord. */
  record: string;
  updated_at: string;
}

export interface TagsTable {
  /** "provision" (a provision at one step) or "amendment". */
  subject_type: string;
  /** "" for an amendment without dossier. */
  dossier_uid: string;
  /** Provision id or amendment uid. */
  subject_id: string;
  /** Step of the provision; "" for an amendment. */
  step_key: string;
  theme: string;
  /** JSON list of evidence (rule, term, alinéa, start, end). */
  evidence: string;
  rules_version: string;
}

export interface TagDecisionsTable {
  dossier_uid: string;
  provision_id: string;
  theme: string;
  /** "added" or "rejected". */
  decision: string;
  reason: string;
  author: string;
  created_at: string;
}

export interface CitationsTable {
  subject_type: string;
  dossier_uid: string;
  subject_id: string;
  step_key: string;
  code: string;
  article: string;
  alinea: number;
}

export interface SearchDocumentsTable {
  /** "article" or "amendement". */
  kind: string;
  /** Provision id or amendment uid. */
  ref: string;
  dossier_uid: string;
  title: string;
  body: string;
  /** Lower-case, accent-free copy of title and body (PostgreSQL indexes it). */
  folded: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  /** "admin", "staff" or "volunteer". */
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token (the token itself only lives in the cookie). */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
}

export interface InvitationsTable {
  token_hash: string;
  role: string;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  /** "ip:<address>", "account:<email>", "account-ip:<email>|<address>" or "invitation:<token hash>". */
  key: string;
  at: string;
  /** The reservation this row belongs to (released when the password was right); null for older rows. */
  attempt: string | null;
}

/** Devices where an account signed in (a cookie's hash): the account-wide limit does not apply there. */
export interface KnownDevicesTable {
  token_hash: string;
  email: string;
  /** The last sign-in on this device (renewed at each one). */
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  detail: string;
  ip: string | null;
}

export interface AnnotationsTable {
  id: Generated<number>;
  dossier_uid: string;
  provision_id: string;
  /** Step of the version the annotation was written on. */
  step_key: string;
  alinea: number | null;
  /** Passage quoted from that version, to re-anchor the annotation in later versions. */
  quote: string | null;
  /** Markdown as written. */
  body: string;
  /** Rendered and sanitised HTML. */
  body_html: string;
  author_id: number;
  /** "public" or "staff". */
  visibility: string;
  hidden: number;
  created_at: string;
  updated_at: string;
}

export interface AnnotationRevisionsTable {
  annotation_id: number;
  body: string;
  edited_by: number;
  edited_at: string;
}

export interface EventsTable {
  id: Id;
  /** One of the kinds of src/domain/events.ts; its payload has that kind's shape. */
  kind: EventKind;
  subject_type: string;
  subject_id: string;
  dossier_uid: string | null;
  text_uid: string | null;
  /** Canonical article number concerned, when there is one. */
  article: string | null;
  /** JSON object describing the change, written by `eventOf` (src/domain/events.ts). */
  payload: string;
  /** When it happened according to the data (decision date, step date), if known. */
  occurred_at: string | null;
  recorded_at: string;
  run_id: number | null;
}

export interface ImportRunsTable {
  id: Id;
  source: string;
  location: string;
  started_at: string;
  finished_at: string | null;
  /** "running", "ok", "partial" (some records failed), "failed", "interrupted" (its process died). */
  status: string;
  /** JSON counts: new, changed, unchanged, failed. */
  counts: string;
  message: string | null;
  /** The machine and process running it, to tell a dead run from a live one. */
  host: string | null;
  pid: number | null;
  /** Last sign of life of a running run. */
  heartbeat_at: string | null;
  /** For an interrupted run: the run that finished its work. */
  resumed_by: number | null;
}

export interface ImportErrorsTable {
  id: Id;
  run_id: number;
  file: string;
  record: string | null;
  severity: string;
  message: string;
  created_at: string;
}

/** The data version: one row, incremented by every write that changes what a page shows. */
export interface DataVersionTable {
  id: number;
  version: number;
  changed_at: string;
}

/** What an amendment count is counted by. */
export type AmendmentCountFacet = "dossier" | "text" | "provision";

/**
 * Amendments counted by dossier and outcome, and by text or provision within a dossier
 * (`key`: text uid, provision id, or "" for the dossier or no provision), kept at write time.
 */
export interface AmendmentCountsTable {
  dossier_uid: string;
  facet: AmendmentCountFacet;
  key: string;
  outcome: string;
  n: number;
}

/** Subjects (articles, amendments) carrying a theme, by dossier: rewritten with the dossier's tags. */
export interface ThemeCountsTable {
  dossier_uid: string;
  theme: string;
  subject_type: "provision" | "amendment";
  n: number;
}

/** Subjects citing a code article, by dossier: rewritten with the dossier's citations. */
export interface CitationCountsTable {
  dossier_uid: string;
  code: string;
  article: string;
  n: number;
}

/** A person of the AN "AMO" data (src/domain/people.ts). */
export interface ActorsTable {
  uid: string;
  civility: string | null;
  first_name: string;
  last_name: string;
  updated_at: string;
}

/** A body of the AN "AMO" data: political group, committee… */
export interface OrgansTable {
  uid: string;
  /** AN type code (« GP », « COMPER »…). */
  kind: string;
  name: string;
  abbreviation: string | null;
  legislature: string | null;
  updated_at: string;
}

/** A bill followed by its address (`navette suivre`, « Suivre un texte »). */
export interface FollowedDossiersTable {
  id: Id;
  /** "an" or "senat". */
  source: "an" | "senat";
  /** AN dossier uid or Sénat signet. */
  key: string;
  /** The address as given. */
  address: string;
  /** The dossier it resolved to, after its first sync. */
  dossier_uid: string | null;
  added_by: string | null;
  added_at: string;
  last_sync_at: string | null;
  /** "ok", "partial" (some files failed), "failed". */
  last_sync_status: string | null;
  /** JSON SyncSummary (src/importer/sync.ts). */
  last_sync_summary: string | null;
}

/** A file a sync imported for a followed bill, with the hash of the content imported. */
export interface FollowedFilesTable {
  follow_id: number;
  url: string;
  content_hash: string;
  imported_at: string;
}

/** A decision of the Conseil constitutionnel, with its censures (JSON list of `Censure`). */
export interface ConstitutionalDecisionsTable {
  number: string;
  decided_on: string | null;
  censures: string;
  source: string;
  content_hash: string;
  imported_at: string;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  dossiers: DossiersTable;
  dossier_steps: DossierStepsTable;
  texts: TextsTable;
  text_divisions: TextDivisionsTable;
  text_articles: TextArticlesTable;
  text_annexes: TextAnnexesTable;
  amendments: AmendmentsTable;
  provisions: ProvisionsTable;
  dossier_sources: DossierSourcesTable;
  tags: TagsTable;
  tag_decisions: TagDecisionsTable;
  citations: CitationsTable;
  search_documents: SearchDocumentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  login_attempts: LoginAttemptsTable;
  known_devices: KnownDevicesTable;
  audit_log: AuditLogTable;
  annotations: AnnotationsTable;
  annotation_revisions: AnnotationRevisionsTable;
  provision_states: ProvisionStatesTable;
  events: EventsTable;
  import_runs: ImportRunsTable;
  import_errors: ImportErrorsTable;
  data_version: DataVersionTable;
  amendment_counts: AmendmentCountsTable;
  theme_counts: ThemeCountsTable;
  citation_counts: CitationCountsTable;
  actors: ActorsTable;
  organs: OrgansTable;
  followed_dossiers: FollowedDossiersTable;
  followed_files: FollowedFilesTable;
  constitutional_decisions: ConstitutionalDecisionsTable;
}

export type AmendmentRow = Selectable<AmendmentsTable>;
export type NewAmendmentRow = Insertable<AmendmentsTable>;
export type DossierRow = Selectable<DossiersTable>;
export type DossierStepRow = Selectable<DossierStepsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type ImportRunRow = Selectable<ImportRunsTable>;
export type ImportErrorRow = Selectable<ImportErrorsTable>;
export type TextArticleRow = Selectable<TextArticlesTable>;
export type TextRow = Selectable<TextsTable>;
export type ProvisionRow = Selectable<ProvisionsTable>;
export type ProvisionStateRow = Selectable<ProvisionStatesTable>;
