/**
 * `navette suivre` (follow a bill by the address of its dossier) and `navette sync` (fetch what is
 * new of every followed bill, once or on a schedule).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../config.js";
import { parseFollowAddress } from "../domain/follow-address.js";
import { followDossier, listFollowed, unfollowDossier } from "../../db/store/followed.js";
import { syncFollowed, type SyncSummary } from "../importer/sync.js";
import { plural } from "../../views/format.js";
import { openMigrated } from "./database.js";
import { createProgress } from "./progress.js";

export const FOLLOW_HELP = `Usage : navette suivre <adresse> [--par <nom>]
       navette suivre --arreter <adresse>
       navette suivre --liste

Suit un texte : l'adresse de la page de son dossier à l'Assemblée
(https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N50169, ou DLR5L17N50169) ou au Sénat
(https://www.senat.fr/dossier-legislatif/pjl24-123.html, ou pjl24-123). « navette sync » importe
ensuite tout ce qu'il faut : dossier, textes de chaque étape, amendements.`;

export const SYNC_HELP = `Usage : navette sync [--dossier <uid|signet>] [--toutes-les <durée>] [options]

Pour chaque texte suivi (ou celui de --dossier) : télécharge son dossier, le texte de chaque étape
et les amendements de chaque texte (requêtes conditionnelles : rien de nouveau, rien de téléchargé
ni d'écrit), importe ce qui a changé, puis analyse, marque et indexe. Un fichier absent (404) est
signalé pour son étape ; le reste continue.

Options :
  --toutes-les <durée>   recommence à cet intervalle (ex. 30min, 1h, 6h) jusqu'à Ctrl-C ou SIGTERM
  --retries <n>          nouvels essais en cas d'erreur réseau ou 5xx (défaut : 3)
  --timeout <s>          délai sans données avant abandon d'un essai (défaut : 30)
  --quiet                pas de barre de progression

Adresses des sources (défaut : les sites publics) : NAVETTE_SOURCE_AN, NAVETTE_SOURCE_SENAT,
NAVETTE_AN_DOSSIERS et NAVETTE_AN_AMENDEMENTS (archives open data de la législature).

Code de sortie : 0 succès, 2 succès partiel (des fichiers en erreur), 1 échec.`;

/** `navette suivre`. */
export async function followCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, arreter: { type: "boolean" }, liste: { type: "boolean" }, par: { type: "string" } },
  });
  if (values.help) {
    console.log(FOLLOW_HELP);
    return 0;
  }
  const handle = await openMigrated(config);
  try {
    if (values.liste) {
      const followed = await listFollowed(handle.db);
      if (followed.length === 0) console.log("aucun texte suivi (navette suivre <adresse>)");
      for (const f of followed)
        console.log(
          `${f.key} (${f.source === "an" ? "Assemblée" : "Sénat"}) — ${f.dossierUid ?? "pas encore synchronisé"} — ${f.lastSyncAt ? `sync du ${f.lastSyncAt} : ${f.lastSyncStatus ?? "?"}` : "jamais synchronisé"}`,
        );
      return 0;
    }
    const [address] = positionals;
    if (!address || positionals.length > 1) {
      console.error(`navette suivre : il faut une adresse\n\n${FOLLOW_HELP}`);
      return 1;
    }
    const target = parseFollowAddress(address);
    if ("error" in target) {
      console.error(`navette suivre : ${target.error}`);
      return 1;
    }
    const where = target.source === "an" ? "Assemblée" : "Sénat";
    if (values.arreter) {
      const stopped = await unfollowDossier(handle.db, target);
      console.log(
        stopped ? `${target.key} (${where}) n'est plus suivi ; ses données restent` : `${target.key} (${where}) n'était pas suivi`,
      );
      return stopped ? 0 : 1;
    }
    const { created } = await followDossier(handle.db, target, address.trim(), values.par ?? null);
    console.log(`${target.key} (${where}) ${created ? "est suivi" : "était déjà suivi"} : « navette sync » l'importe`);
    return 0;
  } finally {
    await handle.close();
  }
}

/** `navette sync`. */
export async function syncCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      dossier: { type: "string" },
      "toutes-les": { type: "string" },
      retries: { type: "string" },
      timeout: { type: "string" },
      quiet: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(SYNC_HELP);
    return 0;
  }
  if (positionals.length > 0) {
    console.error(`navette sync : argument inattendu « ${positionals[0]} »\n\n${SYNC_HELP}`);
    return 1;
  }
  const every = values["toutes-les"] === undefined ? null : parseDuration(values["toutes-les"]);
  if (every === undefined) {
    console.error(`navette sync : durée invalide « ${values["toutes-les"] ?? ""} » (ex. 30min, 1h, 6h ; au moins 1min)`);
    return 1;
  }
  const retries = values.retries === undefined ? undefined : Number(values.retries);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if ((retries !== undefined && !(retries >= 0)) || (timeout !== undefined && !(timeout > 0))) {
    console.error("navette sync : --retries et --timeout attendent des nombres positifs");
    return 1;
  }
  const handle = await openMigrated(config);
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    for (;;) {
      const code = await syncOnce(config, handle, { dossier: values.dossier, quiet: values.quiet ?? false, retries, timeout });
      if (every === null || stopping) return code;
      console.error(`prochaine sync dans ${values["toutes-les"]} (Ctrl-C pour arrêter)`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, every).unref();
      });
      if (stopping) return code;
    }
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await handle.close();
  }
}

async function syncOnce(
  config: Config,
  handle: Awaited<ReturnType<typeof openMigrated>>,
  options: { dossier: string | undefined; quiet: boolean; retries: number | undefined; timeout: number | undefined },
): Promise<number> {
  const followed = await listFollowed(handle.db, options.dossier);
  if (followed.length === 0) {
    console.error(
      options.dossier
        ? `navette sync : « ${options.dossier} » n'est pas suivi (navette suivre --liste)`
        : "aucun texte suivi : navette suivre <adresse>",
    );
    return 1;
  }
  const progress = options.quiet ? null : createProgress("sync", process.stderr, "fichiers");
  let done = 0;
  const summaries = await syncFollowed(handle, {
    addresses: config.sources,
    cacheDir: path.join(config.dataDir, "downloads"),
    ...(options.dossier ? { dossier: options.dossier } : {}),
    download: {
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.timeout !== undefined ? { idleTimeoutMs: options.timeout * 1000 } : {}),
    },
    onFile: () => progress?.update(++done, null),
    log: (message) => {
      if (!/^téléchargement|^texte |^navette |^(analyse|marquage|indexation) de /.test(message)) console.error(message);
    },
  });
  progress?.stop();
  for (const summary of summaries) printSyncSummary(summary);
  const statuses = summaries.map((s) => s.status);
  return statuses.includes("failed") ? 1 : statuses.includes("partial") ? 2 : 0;
}

function printSyncSummary(summary: SyncSummary): void {
  const count = (outcome: string) => summary.files.filter((f) => f.outcome === outcome).length;
  const c = summary.counts;
  console.log(
    `sync ${summary.address} (${summary.dossierUid ?? "dossier introuvable"}) : ${plural(count("imported"), "fichier importé", "fichiers importés")}, ` +
      `${plural(count("unchanged"), "inchangé", "inchangés")}, ${plural(count("missing"), "absent", "absents")}, ${count("failed")} en échec — ` +
      `${plural(c.created, "nouveau", "nouveaux")}, ${plural(c.changed, "modifié", "modifiés")}`,
  );
  for (const f of summary.files.filter((f) => f.outcome === "missing" || f.outcome === "failed"))
    console.error(
      `  ${f.outcome === "missing" ? "absent" : "échec"} : ${f.about} (${f.url})${f.message && f.outcome === "failed" ? ` : ${f.message}` : ""}`,
    );
  for (const uid of summary.unknownTexts) console.error(`  texte ${uid} : adresse inconnue, non téléchargé`);
}

/** « 30min », « 1h », « 90s » → milliseconds; undefined when not a duration of at least a minute. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+)\s*(s|min|m|h|j)$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = { s: 1000, min: 60_000, m: 60_000, h: 3_600_000, j: 86_400_000 }[match[2]!.toLowerCase() as "s" | "min" | "m" | "h" | "j"];
  const ms = Number(match[1]) * unit;
  return ms >= 60_000 ? ms : undefined;
}
