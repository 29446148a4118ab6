import { describe, expect, it } from "vitest";
import { amendmentFilterOptions, amendmentFilterQuery, filterAmendments, parseAmendmentFilter } from "../../views/amendment-filter.js";
import type { ProvisionAmendment } from "../../src/web/queries.js";

const amendment = (
  numberLong: string,
  outcome: string,
  authorType: string,
  groupRef: string | null,
  textUid: string,
): ProvisionAmendment => ({
  uid: numberLong,
  numberLong,
  chamber: "AN",
  textUid,
  stage: null,
  outcome,
  outcomeDetail: null,
  authorName: null,
  authorType,
  groupRef,
  groupName: groupRef ? `Groupe ${groupRef}` : null,
  targetKind: "article",
  targetPosition: null,
  targetArticle: "8",
  alinea: null,
  parentUid: null,
  summary: null,
  discussionOrder: null,
});
const list = [
  amendment("CL1", "adopte", "depute", "PO1", "T1"),
  amendment("CL2", "rejete", "rapporteur", "PO2", "T1"),
  amendment("3", "adopte", "gouvernement", null, "T2"),
];

describe("amendment filters", () => {
  it("offers the values present", () => {
    expect(amendmentFilterOptions(list)).toEqual({
      texte: ["T1", "T2"],
      sort: ["adopte", "rejete"],
      auteur: ["depute", "rapporteur", "gouvernement"],
      groupe: ["PO1", "PO2"],
    });
  });
  it("combines filters and ignores unknown or hostile values", () => {
    const query = (values: Record<string, string>) => (name: string) => values[name];
    const filter = parseAmendmentFilter(query({ sort: "adopte", texte: "T1", groupe: "' OR 1=1 --", auteur: "" }), list);
    expect(filter).toEqual({ texte: "T1", sort: "adopte", auteur: null, groupe: null });
    expect(filterAmendments(list, filter).map((a) => a.numberLong)).toEqual(["CL1"]);
    expect(amendmentFilterQuery(filter)).toBe("texte=T1&sort=adopte");
    const none = parseAmendmentFilter(query({}), list);
    expect(filterAmendments(list, none)).toHaveLength(3);
    expect(amendmentFilterQuery(none)).toBe("");
  });
});
