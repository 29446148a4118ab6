/**
 * The people and bodies amendments name by code: an *acteur* (a deputy, `PA…`) and an *organe*
 * (a political group, a committee, `PO…`), from the Assemblée's "AMO" open data. Pages and feeds
 * show « M. Alain David (SOC) », never `PA1008` or `PO845419`.
 */

import { personDisplayName } from "./wording.js";

/** A person (*acteur*). */
export interface ActorRecord {
  readonly uid: string;
  /** « M. », « Mme ». */
  readonly civility: string | null;
  readonly firstName: string;
  readonly lastName: string;
}

/** A body (*organe*): political group, committee, legislature, government… */
export interface OrganRecord {
  readonly uid: string;
  /** The AN's type code: « GP » (political group), « COMPER » (standing committee)… */
  readonly kind: string;
  /** Full name (« Socialistes et apparentés »). */
  readonly name: string;
  /** The abbreviation the AN prints after a deputy's name (« SOC », « LFI-NFP »). */
  readonly abbreviation: string | null;
  readonly legislature: string | null;
}

/** « M. Alain David ». */
export function personName(actor: ActorRecord): string {
  return [actor.civility, actor.firstName, actor.lastName].filter(Boolean).join(" ");
}

/**
 * The author as pages show it: the person's name (or the published name when the person is not
 * known) followed by the group's abbreviation (« M. Alain David (SOC) »).
 */
export function authorLabel(publishedName: string | null, actor: ActorRecord | null, group: OrganRecord | null): string | null {
  const name = actor ? personName(actor) : publishedName ? personDisplayName(publishedName) : null;
  if (!name) return null;
  const short = group ? (group.abbreviation ?? group.name) : null;
  return short ? `${name} (${short})` : name;
}
