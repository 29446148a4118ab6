/**
 * Loading the tagging rules file (rules/surveillance.yaml by default, NAVETTE_RULES to change it).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadConfig } from "../config.js";
import { compileRules, RulesError, type RuleSet } from "../domain/tagging/rules.js";

/** Reads and compiles the rules; a mistake in the file is a RulesError naming the file and place. */
export function loadRules(file: string = loadConfig().rulesFile): RuleSet {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new RulesError(`${file} : ${(error as Error).message}`);
  }
  try {
    return compileRules(raw);
  } catch (error) {
    throw new RulesError(`${file} : ${(error as Error).message}`);
  }
}
