import { describe, expect, it } from "vitest";
import { parseStructuredDocument, SourceError } from "../../ingest/document.js";
import { parseAnAmendmentDocument } from "../../ingest/an/amendement.js";
import { amendmentUid, anAmendmentJson, toAnXml, type AmendmentSpec } from "../../scripts/an-format.js";

const base: AmendmentSpec = {
  organ: "PO59051",
  text: "PIONANR5L17B0907",
  number: 44,
  prefix: "CL",
  prefixCode: "CION_LOIS",
  author: { type: "Député", ref: "PA1", group: "PO2", label: "M.&#160;L&#233;aument,  Mme&#160;Abomangoli et M.&#160;Alexandre" },
  cosigners: ["PA3", "PA4"],
  division: { title: "Article 8 ter", short: "ART. 8 TER" },
  alinea: "8",
  dispositif: '<p style="text-align: justify;">Supprimer cet article.</p><script>alert(1)</script><p onclick="x()">x</p>',
  expose: "<p>Prot&#x00E9;ger le chiffrement&#160;: pas de &#171;&#160;backdoor&#160;&#187;.</p>",
  state: { code: "DI", label: "Discuté" },
  subState: { code: "DI", label: "Adopté" },
  sort: "Adopté",
  depositedAt: "2025-02-21",
  decidedAt: "2025-03-06T00:06:24+01:00",
  identical: "75692",
};

function parseOne(document: unknown, name = "a.json") {
  const bytes = Buffer.from(typeof document === "string" ? document : JSON.stringify(document));
  const batch = parseAnAmendmentDocument(parseStructuredDocument(bytes, name), name, { dossierUid: "DLR5L17N50169" });
  expect(batch.problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(batch.records).toHaveLength(1);
  return batch.records[0]!;
}

describe("AN amendment, L17 JSON", () => {
  it("maps every field of a committee amendment", () => {
    const record = parseOne(anAmendmentJson(base));
    expect(record).toMatchObject({
      uid: amendmentUid(base),
      chamber: "AN",
      legislature: "17",
      dossierUid: "DLR5L17N50169",
      textUid: "PIONANR5L17B0907",
      textNumber: "907",
      organRef: "PO59051",
      stage: "commission",
      numberLong: "CL44",
      number: "44",
      prefix: "CL",
      rectification: 0,
      secondDeliberation: false,
      target: { kind: "article", label: "Article 8 ter", article: "8 ter", position: null, alinea: "8" },
      authorType: "depute",
      authorRef: "PA1",
      authorName: "M. Léaument",
      groupRef: "PO2",
      cosignerRefs: ["PA3", "PA4"],
      signatories: "M. Léaument, Mme Abomangoli et M. Alexandre",
      outcome: "adopte",
      identicalDiscussionId: "75692",
      depositedAt: "2025-02-21",
      decidedAt: "2025-03-06T00:06:24+01:00",
    });
  });

  it("sanitises imported HTML and keeps a plain-text copy", () => {
    const record = parseOne(anAmendmentJson(base));
    expect(record.dispositifHtml).not.toMatch(/script|onclick|style=/);
    expect(record.dispositifHtml).toContain("<p>Supprimer cet article.</p>");
    expect(record.exposeText).toBe("Protéger le chiffrement\u00a0: pas de «\u00a0backdoor\u00a0».".replace(/\u00a0/g, " "));
  });

  it("reads a single cosigner given as a value instead of a list", () => {
    expect(parseOne(anAmendmentJson({ ...base, cosigners: ["PA9"] })).cosignerRefs).toEqual(["PA9"]);
    expect(parseOne(anAmendmentJson({ ...base, cosigners: [] })).cosignerRefs).toEqual([]);
  });

  it("reads additional articles, rectifications, sub-amendments and the government", () => {
    const record = parseOne(
      anAmendmentJson({
        ...base,
        organ: "PO838901",
        text: "PIONANR5L17BTC1043",
        prefix: "",
        prefixCode: "AN",
        number: 856,
        rect: 1,
        author: { type: "Gouvernement", government: "PO855052", label: "le Gouvernement" },
        division: { title: "Article 9", short: "APRÈS ART. 9", position: "Après", additional: true },
        parent: "AMANR5L17PO838901BTC1043P0D1N000640",
      }),
    );
    expect(record).toMatchObject({
      stage: "seance",
      numberLong: "856 (Rect)",
      rectification: 1,
      textNumber: "1043",
      target: { kind: "article_additionnel", article: "9", position: "apres" },
      authorType: "gouvernement",
      authorName: "Gouvernement",
      authorRef: "PO855052",
      parentUid: "AMANR5L17PO838901BTC1043P0D1N000640",
    });
  });

  it("keys a seconde délibération on its own uid", () => {
    const first = parseOne(anAmendmentJson({ ...base, number: 1 }));
    const second = parseOne(anAmendmentJson({ ...base, number: 1, deliberation: 2 }));
    expect(first.uid).not.toBe(second.uid);
    expect(first.secondDeliberation).toBe(false);
    expect(second.secondDeliberation).toBe(true);
  });

  it("tells irrecevabilité and withdrawals apart", () => {
    const irr = parseOne(
      anAmendmentJson({
        ...base,
        dispositif: null,
        notice: "Irrecevable (art. 98).",
        state: { code: "IRR45", label: "Irrecevable" },
        subState: { code: "IRR45", label: "Cavalier (45)" },
        sort: undefined,
      }),
    );
    expect(irr).toMatchObject({
      outcome: "irrecevable",
      outcomeDetail: "Irrecevable — Cavalier (45)",
      dispositifHtml: null,
      notice: "Irrecevable (art. 98).",
    });
    const withdrawn = parseOne(
      anAmendmentJson({
        ...base,
        state: { code: "RT", label: "Retiré" },
        subState: { code: "RT", label: "Retiré avant publication" },
        sort: undefined,
      }),
    );
    expect(withdrawn).toMatchObject({ outcome: "retire", outcomeDetail: "Retiré avant publication" });
  });

  it("warns about an unknown state and still imports the amendment", () => {
    const bytes = Buffer.from(
      JSON.stringify(anAmendmentJson({ ...base, state: { code: "ZZ", label: "Nouvel état" }, subState: undefined, sort: undefined })),
    );
    const batch = parseAnAmendmentDocument(parseStructuredDocument(bytes, "x.json"), "x.json");
    expect(batch.records[0]?.outcome).toBe("inconnu");
    expect(batch.problems).toEqual([{ record: amendmentUid(base), severity: "warning", message: expect.stringContaining("Nouvel état") }]);
  });
});

describe("AN budget amendment", () => {
  const budget: AmendmentSpec = {
    ...base,
    text: "PRJLANR5L17B0324",
    organ: "PO838901",
    prefix: "",
    prefixCode: "AN",
    number: 1463,
    division: { title: "État B", short: "ÉTAT B", type: "ANNEXE" },
    alinea: undefined,
    dispositif: undefined,
    expose: "<p>Renforcer le contrôle des techniques de renseignement.</p>",
    credits: {
      mission: { code: "DA", label: "Direction de l'action du Gouvernement", ref: "2871" },
      programmes: [
        { label: "Protection des droits et libertés", ref: "518932", ae: 1_500_000, cp: 1_000_000 },
        { label: "Coordination du travail gouvernemental", ref: "518931", ae: -1_500_000, cp: -1_000_000 },
      ],
    },
  };

  it("reads the credit table (mission, AE and CP per programme) and gives it as the text of its change", () => {
    const record = parseOne(anAmendmentJson(budget));
    expect(record.credits).toEqual({
      mission: "Direction de l'action du Gouvernement",
      lines: [
        { programme: "Protection des droits et libertés", programmeRef: "518932", ae: 1_500_000, cp: 1_000_000 },
        { programme: "Coordination du travail gouvernemental", programmeRef: "518931", ae: -1_500_000, cp: -1_000_000 },
      ],
    });
    expect(record.dispositifHtml).toBeNull();
    expect(record.dispositifText).toBe(
      [
        "Modification de crédits de la mission « Direction de l'action du Gouvernement »",
        "Programme « Protection des droits et libertés » : AE +1 500 000 €, CP +1 000 000 €",
        "Programme « Coordination du travail gouvernemental » : AE −1 500 000 €, CP −1 000 000 €",
        "Solde : AE 0 €, CP 0 €",
      ].join("\n"),
    );
  });

  it("sums supplementary and cancelled credits of a finances rectificative bill, one programme given as an object", () => {
    const record = parseOne(
      anAmendmentJson({
        ...budget,
        credits: {
          ...budget.credits!,
          rectificative: true,
          programmes: [{ label: "Police nationale", ref: "1", ae: -40_000_000, cp: -250_000 }],
        },
      }),
    );
    expect(record.credits?.lines).toEqual([{ programme: "Police nationale", programmeRef: "1", ae: -40_000_000, cp: -250_000 }]);
  });

  it("leaves every other amendment without credits, so its content hash does not change", () => {
    expect("credits" in parseOne(anAmendmentJson(base))).toBe(false);
  });
});

describe("AN amendment, XML", () => {
  it("gives the same record from the XML form as from the JSON form", () => {
    const document = anAmendmentJson(base);
    const fromJson = parseOne(document);
    const fromXml = parseOne(toAnXml(document), "a.xml");
    expect(fromXml).toEqual(fromJson);
  });

  it("reads an <amendements> list and reports a bad record without losing the others", () => {
    const good = toAnXml(anAmendmentJson(base)).replace(/^<\?xml[^>]*>\n/, "");
    const bad = "<amendement><numeroLong>12</numeroLong></amendement>";
    const xml = `<?xml version="1.0" encoding="UTF-8"?><amendements>${good}${bad}</amendements>`;
    const batch = parseAnAmendmentDocument(parseStructuredDocument(Buffer.from(xml), "liasse.xml"), "liasse.xml");
    expect(batch.records.map((r) => r.uid)).toEqual([amendmentUid(base)]);
    expect(batch.problems).toEqual([{ record: "12", severity: "error", message: "amendement sans uid" }]);
  });

  it("names the file and place of malformed XML", () => {
    expect(() => parseStructuredDocument(Buffer.from("<amendement><uid>AM1</uid>"), "cassé.xml")).toThrowError(SourceError);
    try {
      parseStructuredDocument(Buffer.from("<amendement>\n<uid>AM1</uid>\n</amendemen>"), "cassé.xml");
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).file).toBe("cassé.xml");
      expect((error as SourceError).message).toMatch(/XML mal formé \(ligne 3/);
    }
  });

  it("decodes ISO-8859-1 when declared and refuses invalid UTF-8", () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><amendements><amendement><uid>AM1</uid><numeroLong>1</numeroLong><etat>Retiré</etat></amendement></amendements>',
      "latin1",
    );
    const batch = parseAnAmendmentDocument(parseStructuredDocument(latin1, "l1.xml"), "l1.xml");
    expect(batch.records[0]?.rawState).toBe("Retiré");
    const wrong = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><amendement><etat>Retir\xe9</etat></amendement>', "latin1");
    expect(() => parseStructuredDocument(wrong, "faux-utf8.xml")).toThrow(/pas valide en utf-8/);
  });

  it("refuses an empty file and an unknown root with a clear message", () => {
    expect(() => parseStructuredDocument(Buffer.alloc(0), "vide.json")).toThrow(/fichier vide/);
    const doc = parseStructuredDocument(Buffer.from('{"autre": {}}'), "autre.json");
    expect(() => parseAnAmendmentDocument(doc, "autre.json")).toThrow(/aucun amendement reconnu \(racine : autre\)/);
  });
});
