/**
 * Budget amendments: in a finance bill (PLF, PLFR), an amendment to the credits of a mission has
 * no dispositif; it moves credits between programmes, in autorisations d'engagement (AE) and
 * crédits de paiement (CP). A {@link CreditTable} is that change, one {@link CreditLine} per
 * programme, amounts in euros (negative: taken away).
 */

/** One programme's change. */
export interface CreditLine {
  readonly programme: string;
  /** The programme's reference in the source ("518970"), if published. */
  readonly programmeRef: string | null;
  /** Autorisations d'engagement, euros. */
  readonly ae: number;
  /** Crédits de paiement, euros. */
  readonly cp: number;
}

/** The credits a budget amendment moves. */
export interface CreditTable {
  /** The mission the programmes belong to (« Justice »), if published. */
  readonly mission: string | null;
  readonly lines: readonly CreditLine[];
}

/** The balance of the table: the sum of its lines, AE and CP (0 when credits only move). */
export function creditBalance(table: CreditTable): { ae: number; cp: number } {
  return table.lines.reduce((sum, line) => ({ ae: sum.ae + line.ae, cp: sum.cp + line.cp }), { ae: 0, cp: 0 });
}

const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0, signDisplay: "exceptZero" });

/** An amount as a French reader writes it, with its sign: « +1 000 000 € », « −250 000 € », « 0 € ». */
export function formatEuros(amount: number): string {
  return EUROS.format(amount)
    .replace(/[\u202f\u00a0]/g, " ")
    .replace("-", "−");
}

/** The table as plain text, for search, tagging and feeds. */
export function creditTableText(table: CreditTable): string {
  const lines = table.lines.map((l) => `Programme « ${l.programme} » : AE ${formatEuros(l.ae)}, CP ${formatEuros(l.cp)}`);
  const balance = creditBalance(table);
  return [
    `Modification de crédits${table.mission ? ` de la mission « ${table.mission} »` : ""}`,
    ...lines,
    `Solde : AE ${formatEuros(balance.ae)}, CP ${formatEuros(balance.cp)}`,
  ].join("\n");
}

/** Reads a stored table back; null for anything that is not one (never trusted as a cast). */
export function parseCreditTable(json: string | null): CreditTable | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { mission, lines } = value as Record<string, unknown>;
  if (!Array.isArray(lines)) return null;
  const parsed: CreditLine[] = [];
  for (const line of lines as unknown[]) {
    if (typeof line !== "object" || line === null) return null;
    const { programme, programmeRef, ae, cp } = line as Record<string, unknown>;
    if (typeof programme !== "string" || typeof ae !== "number" || typeof cp !== "number") return null;
    parsed.push({ programme, programmeRef: typeof programmeRef === "string" ? programmeRef : null, ae, cp });
  }
  return { mission: typeof mission === "string" ? mission : null, lines: parsed };
}
