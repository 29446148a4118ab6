/**
 * The `navette` command: migrate, ingest, serve, demo.
 */
import path from "node:path";
import { writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { loadConfig, type Config } from "../config.js";
import { findSourceKind, SOURCE_KINDS } from "../importer/source-kinds.js";
import { NOTHING_TO_IMPORT, runImport, type ImportSummary } from "../importer/run-import.js";
import { loadDemo } from "../importer/demo.js";
import { purgeExpired } from "../../db/store/login-limits.js";
import { plural } from "../../views/format.js";
import { analyseDossier, analysableDossiers } from "../importer/analyse.js";
import { tagDossier, taggableDossiers } from "../importer/tagging.js";
import { loadRules } from "../importer/rules.js";
import { evaluateRules, exportDecisionsAsLabels } from "../importer/tag-evaluation.js";
import { formatEvaluation, LabelsError } from "../domain/tagging/evaluation.js";
import { SourceError } from "../../ingest/document.js";
import { decideTag } from "../../db/store/tags.js";
import { audit, createUser } from "../../db/store/accounts.js";
import { hashPassword } from "../accounts/password.js";
import { passwordProblem } from "../accounts/password-policy.js";
import { isRole } from "../accounts/roles.js";
import { createApp } from "../web/app.js";
import { createPhaseProgress, createProgress } from "./progress.js";
import { openMigrated } from "./database.js";
import { followCommand, syncCommand } from "./follow.js";

const MAIN_HELP = `navette — suivi des articles et amendements à travers la navette parlementaire

Usage : navette <commande> [options]

Commandes :
  migrate                     crée ou met à jour le schéma de la base
  ingest <source> <chemin|url> importe une source (navette ingest --help)
  serve                       lance le site web (migre et charge la démo si la base est vide)
  analyse [--dossier <uid>]   recalcule le suivi des articles (navette) des dossiers
  marquer [--dossier <uid>]   recalcule les thèmes (surveillance) après un changement des règles
  marquer --evaluer <étiquettes.tsv> [<source>]   mesure les règles (précision, rappel, erreurs)
  theme ajouter|rejeter <dossier> <article> <thème> --raison <texte> --par <nom>
  theme exporter [--sortie <fichier>]   décisions de l'équipe au format des étiquettes
  utilisateur ajouter --role admin|staff|volunteer --email <adresse> --nom <nom>
  demo                        charge les données de démonstration
  suivre <adresse>            suit un texte par l'adresse de son dossier (Assemblée ou Sénat)
  suivre --arreter <adresse>  ne le suit plus ; « suivre --liste » liste les textes suivis
  sync [--dossier <uid>] [--toutes-les 1h]   récupère tout ce qui est nouveau des textes suivis

Configuration (variables d'environnement) :
  DATABASE_URL      postgres://… ou chemin d'un fichier SQLite (défaut : <NAVETTE_DATA_DIR>/navette.sqlite)
  NAVETTE_DATA_DIR  dossier des données et téléchargements (défaut : ./data)
  PORT, HOST        adresse d'écoute du site (défaut : 3000, 127.0.0.1)

« navette <commande> --help » détaille chaque commande.`;

const INGEST_HELP = `Usage : navette ingest <source> <chemin|url> [options]

Importe une source dans la base. Le chemin peut être un fichier, un dossier (lu récursivement),
une archive .zip (lue entrée par entrée) ou une URL http(s) (téléchargée avec requête conditionnelle).
Réimporter les mêmes données ne modifie rien et n'émet aucun événement.

Sources :
${SOURCE_KINDS.map((k) => `  ${k.name.padEnd(16)} ${k.description}`).join("\n")}

Options :
  --retries <n>   nouvels essais en cas d'erreur réseau ou 5xx (défaut : 3)
  --timeout <s>   délai sans données avant abandon d'un essai (défaut : 30)
  --quiet         pas de barre de progression
  --texte <uid>   uid du texte importé (an-texte, senat-texte) quand l'adresse ne le dit pas
  -h, --help      cette aide

Code de sortie : 0 succès, 2 succès partiel (des enregistrements en erreur), 1 échec.`;

const SERVE_HELP = `Usage : navette serve [--port <n>] [--host <adresse>] [--demo]

Migre la base puis sert le site. Avec --demo (ce que fait « npm start »), charge d'abord les
données de démonstration, fictives, si la base est vide ; sans, une base vide reste vide (en
production, la démonstration n'atteint jamais les fils publics). Sessions expirées et anciennes
tentatives de connexion sont effacées au démarrage puis toutes les heures.`;

const MIGRATE_HELP = `Usage : navette migrate

Crée ou met à jour le schéma de la base désignée par DATABASE_URL (SQLite par défaut).`;

const ANALYSE_HELP = `Usage : navette analyse [--dossier <uid>]

Suit chaque article à travers les textes importés d'un dossier (ou de tous les dossiers qui ont des
textes) : complète les versions, donne le statut de chaque article à chaque étape avec ses causes
(amendements adoptés), et enregistre le résultat. Les imports le font d'eux-mêmes pour les dossiers
qu'ils touchent ; cette commande sert après une mise à jour de Navette.`;

const DEMO_HELP = `Usage : navette demo

Importe les données de démonstration (dossier demo/ : dossier législatif et amendements au format
open data de l'Assemblée nationale). Sans effet si elles sont déjà chargées.`;

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    console.log(MAIN_HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case "migrate":
      return withHelp(rest, MIGRATE_HELP, () => migrateCommand(config));
    case "ingest":
      return ingestCommand(config, rest);
    case "serve":
      return serveCommand(config, rest);
    case "analyse":
      return analyseCommand(config, rest);
    case "demo":
      return withHelp(rest, DEMO_HELP, () => demoCommand(config));
    case "marquer":
      return tagCommand(config, rest);
    case "suivre":
      return followCommand(config, rest);
    case "sync":
      return syncCommand(config, rest);
    case "theme":
      return themeDecisionCommand(config, rest);
    case "utilisateur":
    case "user":
      return userCommand(config, rest);
    default:
      console.error(`navette : commande inconnue « ${command} »\n`);
      console.error(MAIN_HELP);
      return 1;
  }
}

async function withHelp(args: string[], help: string, run: () => Promise<number>): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(help);
    return 0;
  }
  if (args.length > 0) {
    console.error(`navette : argument inattendu « ${args[0]} »\n\n${help}`);
    return 1;
  }
  return run();
}

async function migrateCommand(config: Config): Promise<number> {
  const handle = await openMigrated(config);
  console.log(`base ${handle.location} à jour`);
  await handle.close();
  return 0;
}

async function ingestCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      retries: { type: "string" },
      timeout: { type: "string" },
      quiet: { type: "boolean" },
      texte: { type: "string" },
    },
  });
  if (values.help) {
    console.log(INGEST_HELP);
    return 0;
  }
  const [sourceName, location] = positionals;
  if (!sourceName || !location || positionals.length > 2) {
    console.error(`navette ingest : il faut une source et un chemin ou une URL\n\n${INGEST_HELP}`);
    return 1;
  }
  const kind = findSourceKind(sourceName);
  if (!kind) {
    console.error(`navette ingest : source inconnue « ${sourceName} » (sources : ${SOURCE_KINDS.map((k) => k.name).join(", ")})`);
    return 1;
  }
  const badAddress = invalidAddress(location);
  if (badAddress) {
    console.error(`navette ingest : ${badAddress}`);
    return 1;
  }
  const retries = values.retries === undefined ? undefined : Number(values.retries);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if ((retries !== undefined && !(retries >= 0)) || (timeout !== undefined && !(timeout > 0))) {
    console.error("navette ingest : --retries et --timeout attendent des nombres positifs");
    return 1;
  }
  const handle = await openMigrated(config);
  const progress = values.quiet ? null : createProgress(kind.name);
  const phases = values.quiet ? null : createPhaseProgress();
  try {
    const summary = await runImport(handle, {
      kind,
      location,
      cacheDir: path.join(config.dataDir, "downloads"),
      ...(values.texte ? { textUid: values.texte } : {}),
      download: {
        ...(retries !== undefined ? { retries } : {}),
        ...(timeout !== undefined ? { idleTimeoutMs: timeout * 1000 } : {}),
      },
      onProgress: (done, total) => progress?.update(done, total),
      onPhase: (phase, done, total) => {
        progress?.stop();
        phases?.update(phase, done, total);
      },
      log: (message) => console.error(message),
    });
    progress?.stop();
    phases?.stop();
    printSummary(summary);
    const c = summary.counts;
    if (summary.message === NOTHING_TO_IMPORT) {
      console.error(
        `échec : rien à importer dans « ${location} »${c.skipped ? ` (${plural(c.skipped, "document", "documents")} d'un autre type)` : ""}. ` +
          `La source ${kind.name} attend : ${kind.description}.`,
      );
      return 1;
    }
    return summary.status === "ok" ? 0 : summary.status === "partial" ? 2 : 1;
  } finally {
    progress?.stop();
    phases?.stop();
    await handle.close();
  }
}

/** Why a location cannot be read, or null: an address with a scheme must be http(s) and well formed. */
function invalidAddress(location: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(location) || /^[a-z]:[\\/]/i.test(location)) return null;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return `adresse invalide « ${location} » : une URL complète (https://…) ou un chemin de fichier, dossier ou .zip est attendu`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `adresse invalide « ${location} » : seules les adresses http:// et https:// se téléchargent ; sinon donnez un chemin de fichier, dossier ou .zip`;
  if (/\s/.test(location)) return `adresse invalide « ${location} » : une URL ne contient pas d'espace (encodez-les en %20)`;
  return null;
}

function printSummary(summary: ImportSummary): void {
  const c = summary.counts;
  console.log(
    `import n° ${summary.runId} : ${plural(summary.documents, "document", "documents")} — ${plural(c.created, "nouveau", "nouveaux")}, ` +
      `${plural(c.changed, "modifié", "modifiés")}, ${plural(c.unchanged, "inchangé", "inchangés")}, ${c.failed} en erreur, ` +
      `${plural(c.warnings, "avertissement", "avertissements")}` +
      (c.skipped ? `, ${plural(c.skipped, "document d'un autre type ignoré", "documents d'un autre type ignorés")}` : ""),
  );
  for (const problem of summary.problems.slice(0, 20)) {
    console.error(
      `  ${problem.severity === "error" ? "erreur" : "avertissement"} : ${problem.file}${problem.record ? ` [${problem.record}]` : ""} : ${problem.message}`,
    );
  }
  if (summary.problems.length > 20)
    console.error(`  … et ${summary.problems.length - 20} autres (table import_errors, import n° ${summary.runId})`);
  if (summary.resumedRuns.length > 0)
    console.log(
      `${summary.resumedRuns.length > 1 ? "imports interrompus" : "import interrompu"} n° ${summary.resumedRuns.join(", ")} : analyse, marquage et index terminés`,
    );
  if (summary.status === "failed") console.error(`échec : ${summary.message ?? "?"}`);
}

async function analyseCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, dossier: { type: "string" } },
  });
  if (values.help) {
    console.log(ANALYSE_HELP);
    return 0;
  }
  if (positionals.length > 0) {
    console.error(`navette analyse : argument inattendu « ${positionals[0]} »\n\n${ANALYSE_HELP}`);
    return 1;
  }
  const handle = await openMigrated(config);
  try {
    const dossiers = values.dossier ? [values.dossier] : await analysableDossiers(handle.db);
    if (values.dossier) {
      const known = await handle.db.selectFrom("dossiers").select("uid").where("uid", "=", values.dossier).executeTakeFirst();
      if (!known) {
        console.error(`navette analyse : dossier inconnu « ${values.dossier} »`);
        return 1;
      }
    }
    for (const uid of dossiers) {
      const summary = await analyseDossier(handle.db, uid);
      console.log(
        `${uid} : ${summary.provisions} articles suivis, ${summary.changedStates} états nouveaux ou modifiés, ${summary.events} événements`,
      );
      for (const w of summary.warnings.slice(0, 20))
        console.error(`  avertissement : ${w.stepKey}${w.article ? ` article ${w.article}` : ""} : ${w.message}`);
    }
    if (dossiers.length === 0) console.log("aucun dossier avec des textes importés");
    return 0;
  } finally {
    await handle.close();
  }
}

const TAG_HELP = `Usage : navette marquer [--dossier <uid>]
       navette marquer --evaluer <etiquettes.tsv> [<dossier|archive.zip d'amendements>]

Applique les règles de marquage (rules/surveillance.yaml, ou le fichier désigné par NAVETTE_RULES)
à tous les articles et amendements (ou à ceux d'un dossier), avec leurs preuves. Les thèmes ajoutés
ou rejetés par une personne (navette theme) sont conservés.

--evaluer mesure les règles sans rien écrire : les amendements du dossier ou de l'archive (open data
AN en JSON ou XML, jeu complet CSV du Sénat) sont lus et marqués, puis comparés aux étiquettes ;
sans dossier ni archive, les textes étiquetés sont lus dans la base (articles « <dossier>/<article> »
exportés par « navette theme exporter », et amendements par uid). Affiche par thème vrais positifs,
faux positifs, faux négatifs, précision et rappel, les totaux, et chaque erreur avec sa preuve.

Format des étiquettes (une ligne par texte, séparateur tabulation) :
  uid<TAB>thèmes séparés par des virgules, ou -<TAB>confiance (high/low)<TAB>note
Code de sortie : 0 mesure faite, 1 fichier ou source illisible.`;

const THEME_HELP = `Usage : navette theme ajouter|rejeter <dossier> <article> <thème> --raison <texte> --par <nom>
       navette theme exporter [--sortie <fichier.tsv>]

ajouter, rejeter : ajoute un thème à un article suivi, ou rejette un thème trouvé par les règles. La
décision, sa raison et son auteur sont affichés sur la page de l'article et survivent aux réimports.
<article> est l'identifiant de l'article suivi (affiché dans son adresse, par exemple « 8 ter@SN1-DEPOT#1 »).

exporter : écrit les décisions de l'équipe au format des étiquettes (uid « <dossier>/<article> »,
thèmes retenus, « high », raisons), pour mesurer le prochain changement des règles :
  navette theme exporter --sortie decisions.tsv && navette marquer --evaluer decisions.tsv`;
async function tagCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, dossier: { type: "string" }, evaluer: { type: "string" } },
  });
  if (values.help) {
    console.log(TAG_HELP);
    return 0;
  }
  if (values.evaluer !== undefined) return evaluateCommand(config, values.evaluer, positionals);
  if (positionals.length > 0) {
    console.error(`navette marquer : argument inattendu « ${positionals[0]} »\n\n${TAG_HELP}`);
    return 1;
  }
  const rules = loadRules();
  const handle = await openMigrated(config);
  try {
    const dossiers = values.dossier ? [values.dossier] : await taggableDossiers(handle.db);
    const started = Date.now();
    const progress = createProgress("marquage", process.stderr, "dossiers");
    let tags = 0;
    // Search documents do not hold tags: re-tagging leaves the search index as it is.
    for (const [i, uid] of dossiers.entries()) {
      tags += (await tagDossier(handle.db, uid, rules)).tags;
      progress.update(i + 1, dossiers.length);
    }
    progress.stop();
    console.log(
      `${dossiers.length} dossiers marqués, ${tags} marques, en ${((Date.now() - started) / 1000).toFixed(1)} s (règles version ${rules.version})`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

async function evaluateCommand(config: Config, labelsFile: string, positionals: string[]): Promise<number> {
  if (positionals.length > 1) {
    console.error(`navette marquer --evaluer : une seule source attendue, reçu « ${positionals.join(" ")} »\n\n${TAG_HELP}`);
    return 1;
  }
  const rules = loadRules();
  try {
    if (positionals[0] !== undefined) {
      const run = await evaluateRules(labelsFile, positionals[0], rules);
      for (const problem of run.problems) console.error(`erreur : ${problem}`);
      console.log(`${run.documents} documents lus (${positionals[0]})\n${formatEvaluation(run.evaluation)}`);
      return 0;
    }
    const handle = await openMigrated(config);
    try {
      console.log(formatEvaluation((await evaluateRules(labelsFile, handle.db, rules)).evaluation));
      return 0;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof LabelsError || error instanceof SourceError) {
      console.error(`navette marquer --evaluer : ${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`navette marquer --evaluer : fichier d'étiquettes introuvable : ${labelsFile}`);
      return 1;
    }
    throw error;
  }
}

async function exportDecisionsCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { sortie: { type: "string" } } });
  if (positionals.length > 0) {
    console.error(`navette theme exporter : argument inattendu « ${positionals[0]} »\n\n${THEME_HELP}`);
    return 1;
  }
  const handle = await openMigrated(config);
  try {
    const labels = await exportDecisionsAsLabels(handle.db);
    if (values.sortie) {
      await writeFile(values.sortie, labels);
      console.error(`${labels.split("\n").filter(Boolean).length} articles écrits dans ${values.sortie}`);
    } else process.stdout.write(labels);
    return 0;
  } finally {
    await handle.close();
  }
}

async function themeDecisionCommand(config: Config, args: string[]): Promise<number> {
  if (args[0] === "exporter" && !args.includes("--help") && !args.includes("-h")) return exportDecisionsCommand(config, args.slice(1));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, raison: { type: "string" }, par: { type: "string" } },
  });
  if (values.help) {
    console.log(THEME_HELP);
    return 0;
  }
  const [action, dossierUid, provisionId, theme] = positionals;
  if (
    (action !== "ajouter" && action !== "rejeter") ||
    !dossierUid ||
    !provisionId ||
    !theme ||
    !values.raison?.trim() ||
    !values.par?.trim()
  ) {
    console.error(`navette theme : arguments incomplets\n\n${THEME_HELP}`);
    return 1;
  }
  const rules = loadRules();
  if (!rules.themes.some((t) => t.id === theme)) {
    console.error(`navette theme : thème inconnu « ${theme} » (thèmes : ${rules.themes.map((t) => t.id).join(", ")})`);
    return 1;
  }
  const handle = await openMigrated(config);
  try {
    const provision = await handle.db
      .selectFrom("provisions")
      .select("provision_id")
      .where("dossier_uid", "=", dossierUid)
      .where("provision_id", "=", provisionId)
      .executeTakeFirst();
    if (!provision) {
      console.error(`navette theme : aucun article « ${provisionId} » dans le dossier « ${dossierUid} »`);
      return 1;
    }
    await decideTag(handle.db, {
      dossierUid,
      provisionId,
      theme,
      decision: action === "ajouter" ? "added" : "rejected",
      reason: values.raison.trim(),
      author: values.par.trim(),
    });
    console.log(`thème « ${theme} » ${action === "ajouter" ? "ajouté à" : "rejeté pour"} l'article ${provisionId}`);
    return 0;
  } finally {
    await handle.close();
  }
}

const USER_HELP = `Usage : navette utilisateur ajouter --role admin|staff|volunteer --email <adresse> --nom <nom>

Crée un compte (le premier administrateur, par exemple). Le mot de passe (12 caractères au moins,
et pas facile à deviner) est tapé deux fois sans s'afficher sur un terminal, lu sur la première
ligne de l'entrée standard sinon, ou dans la variable NAVETTE_PASSWORD ; il n'apparaît jamais dans
l'historique du terminal.`;

/**
 * The new account's password: NAVETTE_PASSWORD, else typed twice on a terminal without being
 * shown, else the first line of standard input (a pipe). Null when the two typings differ.
 */
async function readPassword(config: Config): Promise<string | null> {
  if (config.password) return config.password;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
      if (Buffer.concat(chunks).includes(10)) break;
    }
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const [first, second] = await askHidden(["Mot de passe : ", "Confirmez le mot de passe : "]);
  return first === second ? (first ?? "") : null;
}

/**
 * Reads one line per prompt on the terminal with echo off (nothing typed is printed). The
 * terminal is in raw mode before the first prompt shows, so that nothing typed early is echoed.
 */
function askHidden(prompts: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    input.setRawMode(true);
    input.resume();
    const lines: string[] = [];
    let typed = "";
    process.stderr.write(prompts[0] ?? "");
    const finish = (error: Error | null): void => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      if (error) reject(error);
      else resolve(lines);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\u0003" || char === "\u0004") return finish(new Error("saisie interrompue"));
        if (char === "\r" || char === "\n") {
          lines.push(typed);
          typed = "";
          process.stderr.write("\n");
          if (lines.length === prompts.length) return finish(null);
          process.stderr.write(prompts[lines.length] ?? "");
        } else if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed += char;
      }
    };
    input.on("data", onData);
  });
}

async function userCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      role: { type: "string" },
      email: { type: "string" },
      nom: { type: "string" },
      name: { type: "string" },
    },
  });
  const nom = values.nom ?? values.name;
  if (values.help) {
    console.log(USER_HELP);
    return 0;
  }
  const refuse = (problem: string): number => {
    console.error(`navette utilisateur : ${problem}\n\n${USER_HELP}`);
    return 1;
  };
  const { role, email } = values;
  if (positionals[0] !== "ajouter" && positionals[0] !== "add")
    return refuse(`action « ${positionals[0] ?? ""} » inconnue : « ajouter » attendu`);
  if (!isRole(role)) return refuse(`rôle « ${role ?? ""} » inconnu : admin, staff ou volunteer attendu`);
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email))
    return refuse(`adresse électronique « ${email ?? ""} » invalide (--email nom@exemple.org)`);
  if (!nom?.trim()) return refuse("nom manquant (--nom « Prénom Nom »)");
  const password = await readPassword(config);
  if (password === null) {
    console.error("navette utilisateur : les deux saisies du mot de passe diffèrent");
    return 1;
  }
  const weak = passwordProblem(password, [nom, email]);
  if (weak) {
    console.error(`navette utilisateur : ${weak}`);
    return 1;
  }
  const handle = await openMigrated(config);
  try {
    if (await handle.db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst()) {
      console.error(`navette utilisateur : un compte existe déjà pour ${email}`);
      return 1;
    }
    const id = await createUser(handle.db, {
      email: email,
      displayName: nom,
      role: role,
      passwordHash: await hashPassword(password),
    });
    await audit(handle.db, { userId: id, action: "user.created", detail: { role: role, via: "cli" }, ip: null });
    console.log(`compte ${email} créé (${role})`);
    return 0;
  } finally {
    await handle.close();
  }
}

async function demoCommand(config: Config): Promise<number> {
  const handle = await openMigrated(config);
  try {
    const summaries = await loadDemo(handle);
    for (const summary of summaries) printSummary(summary);
    return summaries.every((s) => s.status === "ok") ? 0 : 1;
  } finally {
    await handle.close();
  }
}

async function serveCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { help: { type: "boolean", short: "h" }, port: { type: "string" }, host: { type: "string" }, demo: { type: "boolean" } },
  });
  if (values.help) {
    console.log(SERVE_HELP);
    return 0;
  }
  const port = values.port !== undefined ? Number(values.port) : config.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`navette serve : port invalide « ${values.port} »`);
    return 1;
  }
  const handle = await openMigrated(config);
  if (values.demo) {
    const count = await handle.db
      .selectFrom("dossiers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(count.n) === 0) {
      console.error("base vide : chargement des données de démonstration (fictives)");
      for (const summary of await loadDemo(handle)) printSummary(summary);
    }
  }
  const app = createApp(handle, config);
  const purge = async (): Promise<void> => {
    const purged = await purgeExpired(handle.db);
    if (purged.sessions + purged.attempts + purged.devices > 0)
      console.error(
        `navette : effacé ${purged.sessions} sessions expirées, ${purged.attempts} tentatives de connexion anciennes, ${purged.devices} appareils oubliés`,
      );
  };
  await purge();
  const purging = setInterval(
    () => void purge().catch((e: unknown) => console.error(`navette : purge impossible : ${String(e)}`)),
    3_600_000,
  );
  purging.unref();
  const host = values.host ?? config.host;
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`Navette sur http://${host === "0.0.0.0" ? "localhost" : host}:${info.port}/ (base : ${handle.location})`);
  });
  await stoppedBySignal(server as Server);
  clearInterval(purging);
  await handle.close();
  console.error("navette : arrêté proprement");
  return 0;
}

/** How long requests under way may take to finish once a stop is asked, before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Resolves once SIGTERM or SIGINT has stopped the server: new connections are refused at once,
 * idle keep-alive connections closed, requests under way given SHUTDOWN_GRACE_MS to finish. A
 * second signal cuts every connection at once.
 */
function stoppedBySignal(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        server.closeAllConnections();
        return;
      }
      stopping = true;
      console.error(`navette : ${signal} reçu, arrêt (requêtes en cours terminées)…`);
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`navette : ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
