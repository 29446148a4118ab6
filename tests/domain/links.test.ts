/**
 * Links out: addresses of the official pages, built from the open data, well formed or absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anAmendmentUrl, anDossierUrl, legifranceCodeUrl, memberUrl, senatAmendmentUrl, senatDossierUrl } from "../../src/domain/links.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { openLocalSource } from "../../ingest/sources/entries.js";
import { SourceError } from "../../ingest/document.js";
import { hasSharedFixtures, sharedPath } from "../helpers/shared-fixtures.js";

/** An address a browser can open: https, the chamber's host, nothing to escape left raw. */
const wellFormed = (url: string | null, host: string): void => {
  expect(url).not.toBeNull();
  const parsed = new URL(url!);
  expect(parsed.protocol).toBe("https:");
  expect(parsed.host).toBe(host);
  expect(parsed.href).toBe(url);
};

describe("links out", () => {
  it("addresses an AN amendment by text, examining body and number", () => {
    const seance = { legislature: "17", textNumber: "1277", stage: "seance", organAbbreviation: null, numberLong: "7" };
    expect(anAmendmentUrl(seance)).toBe("https://www.assemblee-nationale.fr/dyn/17/amendements/1277/AN/7");
    const committee = { legislature: "17", textNumber: "907", stage: "commission", organAbbreviation: "CION_LOIS", numberLong: "CL12" };
    expect(anAmendmentUrl(committee)).toBe("https://www.assemblee-nationale.fr/dyn/17/amendements/0907/CION_LOIS/CL12");
    expect(anAmendmentUrl({ ...seance, textNumber: "1906A", numberLong: "I-2531 (Rect)" })).toBe(
      "https://www.assemblee-nationale.fr/dyn/17/amendements/1906A/AN/I-2531",
    );
    // Not enough in the data: no link rather than a wrong one.
    expect(anAmendmentUrl({ ...committee, organAbbreviation: null })).toBeNull();
    expect(anAmendmentUrl({ ...seance, textNumber: "256 (2024-2025)" })).toBeNull();
    expect(anAmendmentUrl({ ...seance, legislature: null })).toBeNull();
    expect(anAmendmentUrl({ ...seance, secondDeliberation: true })).toBeNull();
  });

  it("addresses a Sénat amendment, in séance or in committee", () => {
    expect(senatAmendmentUrl({ textNumber: "256 (2024-2025)", stage: "seance", numberLong: "12 rect. bis" })).toBe(
      "https://www.senat.fr/amendements/2024-2025/256/Amdt_12.html",
    );
    expect(senatAmendmentUrl({ textNumber: "999 (2024-2025)", stage: "commission", numberLong: "COM-3" })).toBe(
      "https://www.senat.fr/amendements/commissions/2024-2025/999/Amdt_COM-3.html",
    );
    expect(senatAmendmentUrl({ textNumber: "256", stage: "seance", numberLong: "12" })).toBeNull();
  });

  it("addresses dossiers, members and codes, or says it cannot", () => {
    expect(anDossierUrl("DLR5L17N50169", null)).toBe("https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N50169");
    expect(anDossierUrl("not-a-uid", "17")).toBeNull();
    expect(senatDossierUrl("ppl23-735")).toBe("https://www.senat.fr/dossier-legislatif/ppl23-735.html");
    expect(senatDossierUrl("../admin")).toBeNull();
    expect(memberUrl("AN", "PA720430")).toBe("https://www.assemblee-nationale.fr/dyn/deputes/PA720430");
    expect(memberUrl("AN", "PO855052")).toBeNull(); // the Government is not a deputy
    expect(memberUrl("SN", "dupont_jean00001a")).toBe("https://www.senat.fr/senateur/dupont_jean00001a.html");
    expect(legifranceCodeUrl("CSI")).toBe("https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000025503132");
    expect(legifranceCodeUrl("CODE-INCONNU")).toBeNull();
  });
});

const present = hasSharedFixtures("an");

describe.skipIf(!present)("links out on the 1,636 real Narcotrafic amendments", () => {
  /** The abbreviation of an AN organe from the real AMO files (« CION_LOIS »). */
  const abbreviation = (organ: string | null): string | null => {
    const file = sharedPath("an", `amo/organe/${organ}.json`);
    if (!organ || !existsSync(file)) return null;
    return (JSON.parse(readFileSync(file, "utf8")) as { organe: { libelleAbrev?: string } }).organe.libelleAbrev ?? null;
  };

  it("builds a well-formed address for every one, committee or séance", async () => {
    const source = await openLocalSource(sharedPath("an", "narcotrafic-amendements"));
    const kind = findSourceKind("an-amendements")!;
    const urls = new Set<string>();
    let committee = 0;
    for await (const entry of source.entries) {
      if (entry instanceof SourceError) throw entry;
      for (const a of kind.parse(entry.name, await entry.read())!.amendments) {
        const url = anAmendmentUrl({ ...a, organAbbreviation: abbreviation(a.organRef) });
        if (a.secondDeliberation) {
          expect(url).toBeNull(); // same number as in the first deliberation: no address known
          continue;
        }
        wellFormed(url, "www.assemblee-nationale.fr");
        expect(url).toMatch(/^https:\/\/www\.assemblee-nationale\.fr\/dyn\/17\/amendements\/\d{4}[A-Z]?\/(AN|CION_LOIS)\/(CL)?\d+$/);
        if (a.stage === "commission") committee += 1;
        urls.add(url!);
      }
    }
    expect(urls.size).toBe(1635); // one page each (the 1,636th is a second deliberation): no two amendments sent to the same address
    expect(committee).toBeGreaterThan(100);
  });
});
