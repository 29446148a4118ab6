/**
 * Why a provision has its status at a step: the adopted amendments of that step that target
 * it ("Supprimer cet article" for a deletion, "Rétablir cet article" for a re-establishment,
 * "article additionnel après l'article N" for a new article), with their sub-amendments. Pure.
 */
import type { ProvisionStatus } from "./engine.js";

/** What the engine needs to know of an amendment. */
export interface CauseCandidate {
  readonly uid: string;
  readonly outcome: string;
  readonly targetKind: string;
  readonly targetArticle: string | null;
  readonly targetPosition: string | null;
  readonly parentUid: string | null;
}

/** Statuses that an amendment can explain. */
const EXPLAINABLE: ReadonlySet<ProvisionStatus> = new Set(["new", "modified", "deleted", "re_established", "conforme"]);

/**
 * Adopted amendments, among those examined at the step, that explain `status` for the article
 * numbered `number` (its number in the examined text); for a new article, additions placed
 * after the article before it or before the article after it.
 */
export function causesOf(
  status: ProvisionStatus,
  number: string,
  neighbours: { readonly before: string | null; readonly after: string | null },
  examined: readonly CauseCandidate[],
): string[] {
  if (!EXPLAINABLE.has(status)) return [];
  const adopted = examined.filter((a) => a.outcome === "adopte");
  let direct: CauseCandidate[];
  if (status === "new") {
    direct = adopted.filter(
      (a) =>
        a.targetKind === "article_additionnel" &&
        ((a.targetPosition === "apres" && a.targetArticle === neighbours.before) ||
          (a.targetPosition === "avant" && a.targetArticle === neighbours.after)),
    );
  } else direct = adopted.filter((a) => a.targetKind === "article" && a.targetArticle === number);
  const ids = new Set(direct.map((a) => a.uid));
  for (const a of adopted) if (a.parentUid && ids.has(a.parentUid)) ids.add(a.uid);
  return [...ids];
}
