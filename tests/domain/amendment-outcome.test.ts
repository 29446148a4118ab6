import { describe, expect, it } from "vitest";
import { normaliseOutcome } from "../../src/domain/amendment-outcome.js";

describe("normaliseOutcome", () => {
  it.each([
    [{ state: "Discuté", subState: "Adopté", sort: "Adopté" }, "adopte", null],
    [{ state: "Discuté", subState: "Rejeté", sort: "Rejeté" }, "rejete", null],
    [{ state: "Discuté", subState: "Retiré", sort: "Retiré" }, "retire", null],
    [{ state: "Retiré", subState: "Retiré après publication", sort: null }, "retire", "Retiré après publication"],
    [{ state: "Discuté", subState: "Tombé", sort: "Tombé" }, "tombe", null],
    [{ state: "Discuté", subState: "Non soutenu", sort: "Non soutenu" }, "non_soutenu", null],
    [{ state: "Irrecevable", subState: "Cavalier (45)" }, "irrecevable", "Irrecevable — Cavalier (45)"],
    [{ state: "Irrecevable 40", subState: "Gage" }, "irrecevable", "Irrecevable 40 — Gage"],
    [{ state: "En traitement" }, "en_cours", "En traitement"],
    [{ state: "A discuter" }, "en_cours", "A discuter"],
    [{ state: "DI", sort: "Retiré" }, "retire", null],
    [{ state: "Effacé" }, "retire", "Effacé"],
    [{ state: "Effacé", subState: "Effacé" }, "retire", "Effacé"],
    [{ state: "Retiré" }, "retire", null],
    [{ sort: "Satisfait ou sans objet" }, "satisfait", "Satisfait ou sans objet"],
    [{ sort: "Non examiné" }, "non_examine", "Non examiné"],
    [{}, "en_cours", null],
  ] as const)("%j → %s", (published, outcome, detail) => {
    const result = normaliseOutcome(published);
    expect(result.outcome).toBe(outcome);
    expect(result.detail).toBe(detail);
    expect(result.understood).toBe(true);
  });

  it("flags values it does not understand instead of guessing", () => {
    const result = normaliseOutcome({ state: "Mystère", subState: "Inédit" });
    expect(result).toEqual({ outcome: "inconnu", detail: "Mystère — Inédit", understood: false });
  });
});
