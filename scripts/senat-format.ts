/**
 * Writers of Sénat amendment files in their exact formats (jeu complet CSV in cp1252 with its
 * `sep=` line, CRLF and trailing spaces in the header; séance dérouleur JSON), for tests and demo.
 */

/** One row of a jeu complet. */
export interface JeuCompletRow {
  nature?: "Amt" | "S/Amt" | "Motion";
  numero: string;
  subdivision: string;
  alinea?: string;
  auteur: string;
  auNomDe?: string;
  date: string;
  dispositif: string;
  objet: string;
  sort: string;
}

const HEADER = [
  "Nature ",
  "Numéro ",
  "Subdivision ",
  "Alinéa",
  "Auteur ",
  "Au nom de ",
  "Date de dépôt ",
  "Dispositif ",
  "Objet ",
  "Sort ",
  "Url amendement ",
  "Fiche Sénateur",
];

/** A jeu complet file, as bytes in cp1252. */
export function renderJeuComplet(
  session: string,
  text: string,
  rows: readonly JeuCompletRow[],
  options: { committee?: boolean } = {},
): Buffer {
  const lines = ["sep=\t", HEADER.join("\t")];
  for (const row of rows) {
    const base = row.numero.replace(/\s*rect\..*$/, "");
    const url = options.committee
      ? `//www.senat.fr/amendements/commissions/${session}/${text}/Amdt_${base}.html`
      : `//www.senat.fr/amendements/${session}/${text}/Amdt_${base}.html`;
    lines.push(
      [
        row.nature ?? "Amt",
        row.numero,
        row.subdivision,
        row.alinea ?? " ",
        row.auteur,
        row.auNomDe ?? "",
        row.date,
        `<body>${row.dispositif}</body>`,
        `<body>${row.objet}</body>`,
        row.sort,
        url,
        "//www.senat.fr/senateur/dupont_jean00001a.html",
      ].join("\t"),
    );
  }
  const text1252 = lines.join("\r\n") + "\r\n";
  const out = Buffer.alloc(text1252.length);
  for (let i = 0; i < text1252.length; i++) {
    const code = text1252.charCodeAt(i);
    const special: Record<number, number> = {
      0x2019: 0x92,
      0x20ac: 0x80,
      0x2013: 0x96,
      0x2014: 0x97,
      0x0153: 0x9c,
      0x00ab: 0xab,
      0x00bb: 0xbb,
    };
    out[i] = code < 0x100 ? code : (special[code] ?? 0x3f);
  }
  return out;
}

/** One amendment of a dérouleur. */
export interface DerouleurAmendment {
  id: string;
  num: string;
  sort: string;
  parentId?: string;
  identicalId?: string;
}

/** A dérouleur (liste_discussion.json). */
export function renderDerouleur(
  signet: string,
  count: number,
  subdivisions: ReadonlyArray<{ label: string; amendments: readonly DerouleurAmendment[] }>,
): string {
  return JSON.stringify({
    info_generales: {
      natureLoi: "Proposition de loi",
      intituleLoi: "Démonstration",
      lecture: "1ère lecture",
      tsgenhtml: "1700000000000",
      idtxt: "1",
      nbAmdtsDeposes: String(count),
      nbAmdtsAExaminer: "0",
      doslegsignet: signet,
    },
    Subdivisions: subdivisions.map((s, i) => ({
      libelle_subdivision: s.label,
      id_subdivision: String(1000 + i),
      signet: `../../textes/x.html#${i}`,
      Amendements: s.amendments.map((a, j) => ({
        idAmendement: a.id,
        posder: String(j + 1),
        subpos: "0",
        isSousAmendement: a.parentId ? "true" : "false",
        idAmendementPere: a.parentId ?? "0",
        urlAmdt: `Amdt_${a.num}.html`,
        typeAmdt: a.parentId ? "S/Amt" : "Amt",
        num: a.num,
        libelleAlinea: "Suppr.",
        urlAuteur: "dupont_jean00001a.html",
        auteur: "M. DUPONT",
        isDiscussionCommune: "false",
        isDiscussionCommuneIsolee: "false",
        isIdentique: a.identicalId ? "true" : "false",
        ...(a.identicalId ? { idIdentique: a.identicalId } : {}),
        sort: a.sort,
        isAdopte: a.sort === "Adopté" ? "true" : "false",
        isRejete: a.sort === "Rejeté" ? "true" : "false",
      })),
    })),
  });
}
