import { describe, expect, it } from "vitest";
import { parseFollowAddress } from "../../src/domain/follow-address.js";

describe("parseFollowAddress", () => {
  it.each([
    ["https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N50169", { source: "an", key: "DLR5L17N50169" }],
    ["https://www.assemblee-nationale.fr/dyn/17/dossiers/alt/DLR5L17N50169", { source: "an", key: "DLR5L17N50169" }],
    [" DLR5L17N50169 ", { source: "an", key: "DLR5L17N50169" }],
    ["https://www.senat.fr/dossier-legislatif/pjl16-263.html", { source: "senat", key: "pjl16-263" }],
    ["http://www.senat.fr/dossier-legislatif/ppl24-123.html#timeline-3", { source: "senat", key: "ppl24-123" }],
    ["https://www.senat.fr/dossierleg/rss/doslegpjl16-263.xml", { source: "senat", key: "pjl16-263" }],
    ["PJL16-263", { source: "senat", key: "pjl16-263" }],
    ["plfss2018", { source: "senat", key: "plfss2018" }],
    ["https://www.senat.fr/dossier-legislatif/plf2019.html", { source: "senat", key: "plf2019" }],
    ["pjl16", null],
  ])("%s", (input, expected) => {
    const result = parseFollowAddress(input);
    if (expected) expect(result).toEqual(expected);
    else expect(result).toHaveProperty("error");
  });

  it("says what it expects, for an empty or unknown address", () => {
    expect(parseFollowAddress("  ")).toEqual({ error: expect.stringContaining("adresse vide") });
    expect(parseFollowAddress("https://example.org/loi")).toEqual({
      error: expect.stringContaining("adresse non reconnue « https://example.org/loi »"),
    });
  });
});
