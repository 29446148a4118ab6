/**
 * The navette engine: follows every article (a {@link Provision}) through the text versions of a
 * bill, completes each version from the one it follows, and says what happened to each
 * provision at each step. Pure.
 */
import type { Alinea } from "../bill-text.js";
import { completeArticle, expandOpenRanges, type VersionArticle } from "./completion.js";
import { diffArticles } from "./diff.js";
import { pairRenumberedArticles } from "./renumbering.js";
import { censuredArticles } from "./censure.js";
import { sameSubstance } from "./substance.js";
import { comparableText } from "./similarity.js";
import { baseStepIndex, hasText, otherChamberAdoptedIndex, type NavetteStep } from "./steps.js";

/** What happened to a provision at a step. */
export const PROVISION_STATUSES = [
  "depose",
  "new",
  "modified",
  "unchanged",
  "conforme",
  "deleted",
  "re_established",
  "renumbered",
  "censured",
  "partly_censured",
  "absent",
] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

export const PROVISION_STATUS_LABELS: Readonly<Record<ProvisionStatus, string>> = {
  depose: "Déposé",
  new: "Nouveau",
  modified: "Modifié",
  unchanged: "Inchangé",
  conforme: "Adopté conforme",
  deleted: "Supprimé",
  re_established: "Rétabli",
  renumbered: "Renuméroté",
  censured: "Censuré",
  partly_censured: "Censuré en partie",
  absent: "Hors du texte",
};

/** A provision at one step. */
export interface ProvisionState {
  readonly stepKey: string;
  /** Its number in that step's text (the law's number after renumbering). */
  readonly number: string;
  readonly status: ProvisionStatus;
  /** Complete text at that step (empty when deleted). */
  readonly alineas: readonly Alinea[];
  /** Share of text changed since the base step, in [0, 1]. */
  readonly changeRatio: number;
  readonly baseStepKey: string | null;
  /** False when the text did not reprint it and it was carried over from the base. */
  readonly printed: boolean;
  /** True once adopted in identical terms by both chambers: closed to amendment. */
  readonly closed: boolean;
}

/** One article followed across the navette. */
export interface Provision {
  /** Stable id: first number and first step ("8 ter@SN1-DEPOT#1"). */
  readonly id: string;
  readonly firstNumber: string;
  readonly states: ProvisionState[];
}

/** Something the engine could not do cleanly. */
export interface NavetteWarning {
  readonly stepKey: string;
  readonly article: string | null;
  readonly message: string;
}

/** Result of {@link followProvisions}. */
export interface NavetteResult {
  readonly provisions: Provision[];
  /** For each step with a text, the step it was compared with. */
  readonly bases: ReadonlyMap<string, string | null>;
  readonly warnings: NavetteWarning[];
}

const DEAD: ReadonlySet<ProvisionStatus> = new Set(["deleted", "absent", "censured"]);

function isAlive(state: ProvisionState | undefined): state is ProvisionState {
  return state !== undefined && !DEAD.has(state.status);
}

function sameText(a: readonly Alinea[], b: readonly Alinea[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((alinea, i) => comparableText(alinea.text) === comparableText((b[i] as Alinea).text));
}

function asVersionArticle(state: ProvisionState, sortKey: string): VersionArticle {
  return { number: state.number, sortKey, status: "texte", alineas: state.alineas };
}

/**
 * The navette articles a renumbered text (the law) is paired with: those in force, and, when a
 * decision step censured some, those too (the law prints their number), in the navette's order.
 */
function renumberingCandidates(
  base: ReadonlyMap<string, ProvisionState>,
  aliveBase: ReadonlyArray<[string, ProvisionState]>,
  sortKeys: ReadonlyMap<string, string>,
): Array<[string, ProvisionState]> {
  const censured = [...base.entries()].filter(([, s]) => s.status === "censured");
  if (censured.length === 0) return [...aliveBase];
  const key = (id: string): string => sortKeys.get(id) ?? "";
  return [...aliveBase, ...censured].sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Follows every provision through the steps, in the order given (chronological). */
export function followProvisions(steps: readonly NavetteStep[]): NavetteResult {
  const provisions = new Map<string, Provision>();
  const sortKeys = new Map<string, string>();
  const byNumber = new Map<string, string>();
  const snapshots = new Map<number, Map<string, ProvisionState>>();
  const bases = new Map<string, string | null>();
  const warnings: NavetteWarning[] = [];

  steps.forEach((step, index) => {
    if (!hasText(step)) return;
    const baseIndex = baseStepIndex(steps, index);
    const base = baseIndex === null ? new Map<string, ProvisionState>() : (snapshots.get(baseIndex) ?? new Map<string, ProvisionState>());
    const baseKey = baseIndex === null ? null : (steps[baseIndex] as NavetteStep).key;
    bases.set(step.key, baseKey);
    const other = otherChamberAdoptedIndex(steps, index);
    const otherSnapshot = step.stage === "seance" && other !== null ? snapshots.get(other) : undefined;

    const aliveBase = [...base.entries()].filter(([, s]) => isAlive(s));
    const baseArticles = aliveBase.map(([id, s]) => asVersionArticle(s, sortKeys.get(id) ?? ""));
    const decided = step.censures ? censuredArticles(baseArticles, step.censures) : null;
    for (const w of decided?.warnings ?? []) warnings.push({ stepKey: step.key, ...w });
    const articles = decided ? decided.articles : expandOpenRanges(step.articles ?? [], baseArticles);

    let pairing: Map<string, string> | null = null;
    if (step.renumbered) {
      pairing = pairRenumberedArticles(
        renumberingCandidates(base, aliveBase, sortKeys).map(([, s]) => ({
          number: s.number,
          text: s.alineas.map((a) => a.text).join("\n"),
          censured: s.status === "censured",
        })),
        articles.map((a) => ({ number: a.number, text: a.alineas.map((x) => x.text).join("\n"), censured: a.status === "censure" })),
      );
    }

    const snapshot = new Map<string, ProvisionState>();
    for (const article of articles) {
      const navetteNumber = pairing ? (pairing.get(article.number) ?? null) : article.number;
      if (pairing && navetteNumber === null) {
        warnings.push({
          stepKey: step.key,
          article: article.number,
          message: "article du texte renuméroté sans équivalent dans la navette",
        });
      }
      let id = navetteNumber !== null ? byNumber.get(navetteNumber) : undefined;
      if (id !== undefined && snapshot.has(id)) {
        warnings.push({ stepKey: step.key, article: article.number, message: "numéro d'article en double : le second est suivi à part" });
        id = undefined;
      }
      if (id === undefined) {
        id = `${article.number}@${step.key}`;
        while (provisions.has(id)) id += "'";
        provisions.set(id, { id, firstNumber: article.number, states: [] });
        sortKeys.set(id, article.sortKey);
        if (!pairing && !byNumber.has(article.number)) byNumber.set(article.number, id);
      }
      const provision = provisions.get(id) as Provision;
      const baseState = base.get(id);
      const previousAlive = isAlive(baseState) ? baseState : [...provision.states].reverse().find((s) => isAlive(s));
      const { article: completed, warnings: completionWarnings } = completeArticle(
        article,
        previousAlive ? asVersionArticle(previousAlive, article.sortKey) : undefined,
      );
      for (const w of completionWarnings) warnings.push({ stepKey: step.key, article: w.article, message: w.message });

      const existedBefore = provision.states.some((s) => s.status !== "absent");
      let status: ProvisionStatus;
      let alineas: readonly Alinea[] = completed.alineas;
      let closed = false;
      if (completed.status === "supprime") {
        status = isAlive(baseState) ? "deleted" : "absent";
        alineas = [];
      } else if (completed.status === "censure") {
        // Censured by a decision step before: the law only prints its number.
        status = baseState?.status === "censured" ? "absent" : "censured";
        alineas = previousAlive?.alineas ?? [];
      } else if (!isAlive(baseState)) {
        status = baseIndex === null ? "depose" : existedBefore ? "re_established" : "new";
      } else if (pairing && navetteNumber !== null && navetteNumber !== article.number) {
        status = "renumbered";
      } else if (completed.status === "conforme") {
        status = "conforme";
        closed = true;
      } else if (sameSubstance(completed.alineas, baseState.alineas)) {
        const otherState = otherSnapshot?.get(id);
        closed = baseState.closed || (isAlive(otherState) && sameSubstance(completed.alineas, otherState.alineas));
        status = closed && !baseState.closed ? "conforme" : "unchanged";
      } else status = decided ? "partly_censured" : "modified";

      let changeRatio: number;
      if (status === "deleted") changeRatio = 1;
      else if (status === "absent") changeRatio = 0;
      else if (!isAlive(baseState)) changeRatio = 1;
      else if (sameText(baseState.alineas, alineas)) changeRatio = 0;
      else changeRatio = diffArticles(baseState.alineas, alineas).changeRatio;
      const state: ProvisionState = {
        stepKey: step.key,
        number: article.number,
        status,
        alineas,
        changeRatio,
        baseStepKey: baseKey,
        printed: true,
        closed: closed || (baseState?.closed === true && status === "unchanged"),
      };
      snapshot.set(id, state);
      if (status !== "absent" || existedBefore) provision.states.push(state);
    }

    // Provisions alive in the base that this text did not reprint are carried over unchanged;
    // deleted ones stay deleted (kept in the snapshot so that a later re-establishment is seen).
    for (const [id, state] of base) {
      if (snapshot.has(id)) continue;
      if (!isAlive(state) || step.renumbered) {
        snapshot.set(id, {
          ...state,
          stepKey: step.key,
          status: "absent",
          alineas: [],
          changeRatio: 0,
          baseStepKey: baseKey,
          printed: false,
        });
        if (step.renumbered && isAlive(state)) {
          warnings.push({
            stepKey: step.key,
            article: state.number,
            message: "article de la navette sans équivalent dans le texte renuméroté",
          });
        }
        continue;
      }
      const carried: ProvisionState = {
        ...state,
        stepKey: step.key,
        status: "unchanged",
        changeRatio: 0,
        baseStepKey: baseKey,
        printed: false,
      };
      snapshot.set(id, carried);
      (provisions.get(id) as Provision).states.push(carried);
    }
    snapshots.set(index, snapshot);
  });

  const ordered = [...provisions.values()]
    .filter((p) => p.states.length > 0)
    .sort((a, b) => {
      const ka = sortKeys.get(a.id) ?? "";
      const kb = sortKeys.get(b.id) ?? "";
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  return { provisions: ordered, bases, warnings };
}
