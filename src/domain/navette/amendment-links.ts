/**
 * Which provision an amendment is about. An article number names different provisions over a
 * bill's life (after the final renumbering, « article 1er » of the law may be the navette's
 * « 1er A »), so an amendment is attached once, by the text it was filed on and the number the
 * article had in that text — never by its bare number across the whole bill.
 *
 * - An amendment that caused a state (the engine's causes) belongs to that provision: the
 *   article it rewrote or deleted, or the one it created (« cree », for additional articles).
 * - An amendment on an article belongs to the provision that bore that number in the text the
 *   amendment was filed on (« article »).
 * - An amendment proposing an additional article that created nothing is shown next to the
 *   article it would have been inserted before or after (« voisin »).
 * - When the amendment's text is not one of the bill's steps, the number decides only if a
 *   single provision ever bore it; otherwise the amendment stays unattached.
 */

/** How an amendment is attached to its provision. */
export type ProvisionLinkKind = "article" | "cree" | "voisin";

/** An amendment's attachment. */
export interface ProvisionLink {
  readonly provisionId: string;
  readonly kind: ProvisionLinkKind;
}

/** What linking needs of an amendment. */
export interface LinkableAmendment {
  readonly uid: string;
  readonly textUid: string | null;
  readonly targetKind: string;
  readonly targetArticle: string | null;
}

/** What linking needs of a provision's state at one step. */
export interface LinkableState {
  readonly provisionId: string;
  /** The text of the step (null when the step has none). */
  readonly textUid: string | null;
  readonly number: string;
  readonly status: string;
  /** Amendments the engine found to have caused this state. */
  readonly causes: readonly string[];
}

/** The provision of each amendment that can be attached (amendments left out are unattached). */
export function linkAmendments(amendments: readonly LinkableAmendment[], states: readonly LinkableState[]): Map<string, ProvisionLink> {
  const causedBy = new Map<string, LinkableState>();
  const atText = new Map<string, string>();
  const provisionsByNumber = new Map<string, Set<string>>();
  for (const state of states) {
    for (const uid of state.causes) if (!causedBy.has(uid)) causedBy.set(uid, state);
    if (state.status === "absent") continue;
    if (state.textUid !== null) atText.set(`${state.textUid}|${state.number}`, state.provisionId);
    const ids = provisionsByNumber.get(state.number) ?? new Set<string>();
    ids.add(state.provisionId);
    provisionsByNumber.set(state.number, ids);
  }
  const links = new Map<string, ProvisionLink>();
  for (const amendment of amendments) {
    const link = linkOne(amendment, causedBy, atText, provisionsByNumber);
    if (link) links.set(amendment.uid, link);
  }
  return links;
}

function linkOne(
  amendment: LinkableAmendment,
  causedBy: ReadonlyMap<string, LinkableState>,
  atText: ReadonlyMap<string, string>,
  provisionsByNumber: ReadonlyMap<string, ReadonlySet<string>>,
): ProvisionLink | null {
  const additional = amendment.targetKind === "article_additionnel";
  const cause = causedBy.get(amendment.uid);
  if (cause) return { provisionId: cause.provisionId, kind: additional && cause.status === "new" ? "cree" : "article" };
  if (amendment.targetArticle === null || (amendment.targetKind !== "article" && !additional)) return null;
  const kind: ProvisionLinkKind = additional ? "voisin" : "article";
  if (amendment.textUid !== null) {
    const provisionId = atText.get(`${amendment.textUid}|${amendment.targetArticle}`);
    if (provisionId !== undefined) return { provisionId, kind };
  }
  const candidates = provisionsByNumber.get(amendment.targetArticle);
  if (candidates?.size === 1) return { provisionId: [...candidates][0] as string, kind };
  return null;
}
