/**
 * The status to show for a provision now: its last change, not the last step it went through.
 * Pure.
 */
/**
 * The status of the last step that changed something: a text that only carries an article over
 * (« Inchangé »), gives it its final number (« Renuméroté ») or still leaves out a deleted one
 * (« Hors du texte ») does not hide that it was adopted conforme, modified, deleted or censured
 * before. A provision that never changed keeps its first status; one with no state is absent.
 */
export function currentStatus(states: ReadonlyArray<{ readonly status: string }>): string {
  for (let i = states.length - 1; i >= 0; i--) {
    const status = states[i]!.status;
    if (status !== "unchanged" && status !== "absent" && status !== "renumbered") return status;
  }
  return states[states.length - 1]?.status ?? "absent";
}
