/**
 * Loading the tagging rules file (rules/surveillance.yaml by default, NAVETTE_RULES to change it).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { compileRules, RulesError, type RuleSet } from "../domain/tagging/rules.js";
import { projectRoot } from "../project-root.js";

/** Path of the rules file in use. */
export function rulesPath(env: NodeJS.ProcessEnv = process.env): string {
  return env["NAVETTE_RULES"] ? path.resolve(env["NAVETTE_RULES"]) : path.join(projectRoot(), "rules", "surveillance.yaml");
}

/** Reads and compiles the rules; a mistake in the file is a RulesError naming the file and place. */
export function loadRules(file: string = rulesPath()): RuleSet {
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
