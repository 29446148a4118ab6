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

/** True for a value with a credit table's shape (to read a stored one back without a cast). */
export function isCreditTable(value: unknown): value is CreditTable {
  if (typeof value !== "object" || value === null) return false;
  const { mission, lines } = value as Record<string, unknown>;
  return (
    (mission === null || typeof mission === "string") &&
    Array.isArray(lines) &&
    lines.every((line: unknown) => {
      const l = line as Record<string, unknown> | null;
      return typeof l?.["programme"] === "string" && typeof l["ae"] === "number" && typeof l["cp"] === "number";
    })
  );
}
