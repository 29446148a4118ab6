/**
 * JSON columns are read back checked, never cast: a value without its column's shape is an error
 * naming the column.
 */
import { describe, expect, it } from "vitest";
import {
  CorruptColumnError,
  isAlineaList,
  isDossierRecord,
  isEvidenceList,
  isStringList,
  isStringRecord,
  readJsonColumn,
} from "../../db/store/json-columns.js";

describe("readJsonColumn", () => {
  it("returns values that have their column's shape", () => {
    expect(readJsonColumn('[{"number":1,"text":"Le code est modifié."}]', isAlineaList, "provision_states.alineas")).toEqual([
      { number: 1, text: "Le code est modifié." },
    ]);
    expect(readJsonColumn('["AM1","AM2"]', isStringList, "provision_states.causes")).toEqual(["AM1", "AM2"]);
    expect(readJsonColumn('{"libelle":"Texte"}', isStringRecord, "dossier_steps.details")).toEqual({ libelle: "Texte" });
    expect(readJsonColumn('[{"rule":"r","term":"t","alinea":1,"start":0,"end":3}]', isEvidenceList, "tags.evidence")).toHaveLength(1);
    expect(readJsonColumn('{"uid":"D","title":"T","steps":[]}', isDossierRecord, "dossier_sources.record").uid).toBe("D");
  });

  it.each([
    ['[{"number":"1","text":"x"}]', isAlineaList],
    ['["AM1",2]', isStringList],
    ['{"libelle":3}', isStringRecord],
    ['[{"rule":"r","term":"t","alinea":1}]', isEvidenceList],
    ['{"uid":"D","steps":[]}', isDossierRecord],
    ["{not json", isStringList],
  ] as const)("refuses %s, naming the column", (json, guard) => {
    expect(() => readJsonColumn(json, guard as (value: unknown) => value is unknown, "une_table.une_colonne")).toThrow(CorruptColumnError);
    expect(() => readJsonColumn(json, guard as (value: unknown) => value is unknown, "une_table.une_colonne")).toThrow(
      /colonne une_table\.une_colonne/,
    );
  });
});
