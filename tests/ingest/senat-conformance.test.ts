/**
 * Conformance on the real Sénat files of ../shared/fixtures/senat: amendment CSV (jeu complet)
 * and séance dérouleur, checked against each other and against values read in the files.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSenatAmendmentsCsv } from "../../ingest/senat/amendements-csv.js";
import { parseDerouleur } from "../../ingest/senat/derouleur.js";
import { parseStructuredDocument } from "../../ingest/document.js";
import { hasSharedFixtures, sharedPath } from "../helpers/shared-fixtures.js";

const present = hasSharedFixtures("senat");
const PLFSS_CSV = "amdt_csv_seance_2017-2018_n63_plfss2018_jeu_complet.csv";
const PLFSS_DEROULEUR = "derouleur_seance_2017-2018_n63_plfss2018_liste_discussion.json";
const read = (file: string) => readFileSync(sharedPath("senat", file));

describe.skipIf(!present)("Sénat amendments, jeu complet CSV", () => {
  it("reads every row of the PLFSS 2018 file (cp1252, sep= line, trailing spaces in the header)", () => {
    const { records, problems } = parseSenatAmendmentsCsv(read(PLFSS_CSV), PLFSS_CSV);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(595);
    const counts = (key: (r: (typeof records)[number]) => string) =>
      records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0) + 1 }), {});
    expect(counts((r) => r.outcome)).toEqual({
      adopte: 198,
      rejete: 119,
      retire: 106 + 28,
      irrecevable: 46 + 27 + 3,
      non_soutenu: 44,
      tombe: 24,
    });
    expect(counts((r) => r.outcomeDetail ?? "")).toMatchObject({
      "Irrecevable art. 40 C": 46,
      "Irrecevable art. LO. 111-3": 27,
      "Irrecevable art. 41 C": 3,
      "Cet amendement est retiré avant séance": 28,
    });
    const first = records[0]!;
    expect(first).toMatchObject({
      uid: "SN-2017-2018-63-1",
      chamber: "SN",
      numberLong: "1 rect.",
      number: "1",
      rectification: 1,
      stage: "seance",
      textNumber: "63 (2017-2018)",
      target: { kind: "article_additionnel", article: "7", position: "apres" },
      authorName: "M. FRASSA",
      authorType: "senateur",
      outcome: "adopte",
      depositedAt: "2017-11-13",
    });
    expect(first.dispositifText).toMatch(/^Après l’article 7/);
    expect(records.find((r) => r.numberLong === "3 rect. quater")!.rectification).toBe(4);
    expect(records.find((r) => r.numberLong === "9 rect. sexies")!.rectification).toBe(6);
    expect(records.find((r) => r.uid === "SN-2017-2018-63-596")).toMatchObject({
      parentUid: "SN-2017-2018-63-229",
      target: { article: "12", alinea: "3" },
    });
    expect(records.find((r) => r.target.label === "Motion")).toMatchObject({ target: { kind: "autre" }, outcome: "rejete" });
    expect(records.filter((r) => r.target.label?.includes("\u00a0"))).toEqual([]);
  });

  it("agrees with the dérouleur of the same text: counts and sorts", () => {
    const { records } = parseSenatAmendmentsCsv(read(PLFSS_CSV), PLFSS_CSV);
    const derouleur = parseDerouleur(parseStructuredDocument(read(PLFSS_DEROULEUR), PLFSS_DEROULEUR), PLFSS_DEROULEUR);
    expect(derouleur.declaredCount).toBe(records.length);
    expect(derouleur.entries).toHaveLength(490);
    const byUid = new Map(records.map((r) => [r.uid, r]));
    const disagreements = derouleur.entries.filter((e) => byUid.get(e.uid)?.outcome !== e.outcome).map((e) => e.numberLong);
    expect(disagreements).toEqual([]);
    // The 105 amendments the séance does not examine: inadmissible, withdrawn before séance, the motion.
    const examined = new Set(derouleur.entries.map((e) => e.uid));
    const notExamined = records.filter((r) => !examined.has(r.uid));
    expect(notExamined).toHaveLength(105);
    expect(
      notExamined.every(
        (r) => r.outcome === "irrecevable" || r.outcomeDetail === "Cet amendement est retiré avant séance" || r.target.label === "Motion",
      ),
    ).toBe(true);
    const sub = derouleur.entries.find((e) => e.parentUid !== null);
    expect(sub).toMatchObject({ uid: "SN-2017-2018-63-596", parentUid: "SN-2017-2018-63-229" });
    expect(derouleur.entries[0]).toMatchObject({ uid: "SN-2017-2018-63-31", discussionOrder: "000001", subdivision: "Article 3" });
    expect(derouleur.entries.some((e) => e.identicalDiscussionId !== null)).toBe(true);
  });

  it("reads the committee file: COM- numbers, rapporteur, « Satisfait ou sans objet »", () => {
    const file = "amdt_csv_commission_2017-2018_n583_avenir-professionnel_jeu_complet.csv";
    const { records, problems } = parseSenatAmendmentsCsv(read(file), file);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(434);
    expect(records.filter((r) => r.outcome === "satisfait")).toHaveLength(23);
    expect(records[0]).toMatchObject({
      uid: "SN-2017-2018-583-COM-1",
      prefix: "COM-",
      number: "1",
      stage: "commission",
      authorType: "rapporteur",
      authorName: "M. FORISSIER",
    });
    expect(records.find((r) => r.target.label === "art. add. après Article 10 quater (nouveau)")?.target).toMatchObject({
      kind: "article_additionnel",
      article: "10 quater",
      position: "apres",
    });
  });

  it("parses the excerpt whose HTML holds raw tabs instead of splitting it", () => {
    const file = "amdt_csv_seance_2018-2019_n106_plfss2019_excerpt_tab-in-html.csv";
    const { records, problems } = parseSenatAmendmentsCsv(read(file), file);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.numberLong, r.rectification, r.target.article, r.target.alinea, r.outcome])).toEqual([
      ["1 rect. bis", 2, "29 quinquies", null, "en_cours"],
      ["629", 0, "19", "68", "en_cours"],
    ]);
    // A pre-séance value: no decision yet, the wording kept as detail.
    expect(records[1]).toMatchObject({ outcomeDetail: "Recevable art. 40 C / LOLF", rawSort: "Recevable art. 40 C / LOLF" });
    expect(records[1]!.dispositifHtml).not.toMatch(/<link|<!--/);
  });

  it("reads the small dérouleur (older format without identical keys)", () => {
    const file = "derouleur_seance_ppl16-610_liste_discussion_small.json";
    const derouleur = parseDerouleur(parseStructuredDocument(read(file), file), file);
    expect(derouleur.ref).toEqual({ session: "2016-2017", number: "610", committee: false });
    expect(derouleur.entries).toHaveLength(14);
    const outcomes = derouleur.entries.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.outcome]: (acc[e.outcome] ?? 0) + 1 }), {});
    expect(outcomes).toEqual({ adopte: 8, rejete: 4, irrecevable: 2 });
  });
});
