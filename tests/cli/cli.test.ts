/**
 * The `navette` command run as a real process, on a real SQLite file.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { amendmentSpec, tempDir, writeAmendmentFolder } from "../helpers/fixtures.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function navette(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NAVETTE_DATA_DIR: dataDir, DATABASE_URL: "", NAVETTE_PASSWORD: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("navette CLI", () => {
  it("prints help for every command", () => {
    const data = tempDir();
    for (const args of [
      ["--help"],
      ["migrate", "--help"],
      ["ingest", "--help"],
      ["serve", "--help"],
      ["demo", "--help"],
      ["suivre", "--help"],
      ["sync", "--help"],
    ]) {
      const { code, stdout } = navette(args, data);
      expect(code, args.join(" ")).toBe(0);
      expect(stdout).toMatch(/Usage/);
    }
    expect(navette(["ingest", "--help"], data).stdout).toContain("an-amendements");
  });

  it("follows a bill by its address, says what it expects of a wrong one, and lists and stops following", () => {
    const data = tempDir();
    const wrong = navette(["suivre", "https://example.org/loi"], data);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("adresse non reconnue « https://example.org/loi »");
    expect(wrong.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(navette(["sync"], data).stderr).toContain("aucun texte suivi : navette suivre <adresse>");
    expect(navette(["suivre", "DLR5L17N50169"], data).stdout).toContain("DLR5L17N50169 (Assemblée) est suivi");
    expect(navette(["suivre", "https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N50169"], data).stdout).toContain(
      "était déjà suivi",
    );
    expect(navette(["suivre", "--liste"], data).stdout).toContain(
      "DLR5L17N50169 (Assemblée) — pas encore synchronisé — jamais synchronisé",
    );
    expect(navette(["sync", "--toutes-les", "5s"], data).stderr).toContain("durée invalide « 5s »");
    expect(navette(["suivre", "--arreter", "DLR5L17N50169"], data).code).toBe(0);
    expect(navette(["suivre", "--liste"], data).stdout).toContain("aucun texte suivi");
  });

  it("refuses unknown commands and sources with a message, not a stack trace", () => {
    const data = tempDir();
    const unknown = navette(["frobnicate"], data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("commande inconnue « frobnicate »");
    const wrongKind = navette(["ingest", "an-texte", path.join(ROOT, "README.md")], data);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain("rien à importer");
    expect(wrongKind.stderr).toContain("La source an-texte attend : Texte d'un projet");
    const badUrl = navette(["ingest", "an-amendements", "htp:/bad url"], data);
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain("adresse invalide « htp:/bad url » : seules les adresses http:// et https://");
    const source = navette(["ingest", "senat-xyz", "x"], data);
    expect(source.code).toBe(1);
    expect(source.stderr).toContain("source inconnue « senat-xyz »");
    const missing = navette(["ingest", "an-amendements", "/nulle/part"], data);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("fichier ou dossier introuvable");
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("migrates, ingests with a summary, and says by its exit code that some records failed", () => {
    const data = tempDir();
    expect(navette(["migrate"], data).code).toBe(0);
    const folder = writeAmendmentFolder([amendmentSpec({ number: 1 }), amendmentSpec({ number: 2 })]);
    const ok = navette(["ingest", "an-amendements", folder, "--quiet"], data);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("2 nouveaux, 0 modifié, 0 inchangé, 0 en erreur");
    writeFileSync(path.join(folder, "cassé.xml"), "<amendement><uid>");
    const partial = navette(["ingest", "an-amendements", folder, "--quiet"], data);
    expect(partial.code).toBe(2);
    expect(partial.stdout).toContain("0 nouveau, 0 modifié, 2 inchangés, 1 en erreur");
    expect(partial.stderr).toContain("erreur : cassé.xml : XML mal formé");
  });

  it("loads the demo once", () => {
    const data = tempDir();
    expect(navette(["demo"], data).stdout).toContain("15 documents — 15 nouveaux");
    const again = navette(["demo"], data).stdout;
    expect(again).toContain("15 documents — 0 nouveau, 0 modifié, 15 inchangés");
    expect(again).toContain("2 documents — 0 nouveau, 0 modifié, 7 inchangés");
  });
});

describe("navette marquer --evaluer and navette theme exporter", () => {
  it("scores the rules on a labelled folder, listing each mistake with its evidence", () => {
    const specs = [
      amendmentSpec({ number: 1, dispositif: "<p>Les drones équipés de caméras survolent les manifestations.</p>" }),
      amendmentSpec({ number: 2, dispositif: "<p>Les drones d'épandage traitent les vignes.</p>", expose: "<p>Agriculture.</p>" }),
      amendmentSpec({ number: 3, dispositif: "<p>Le chiffre d'affaires est publié.</p>" }),
      amendmentSpec({ number: 4, dispositif: "<p>Les services de renseignement ont accès aux images des drones munis de caméras.</p>" }),
    ];
    const folder = writeAmendmentFolder(specs);
    const uid = (n: number) => `AMANR5L17PO59051B0907P0D1N${String(n).padStart(6, "0")}`;
    const labels = path.join(tempDir(), "labels.tsv");
    // Amendment 4 is labelled without « renseignement » (a false positive) and 3 with « chiffrement » (a false negative).
    writeFileSync(
      labels,
      [
        `${uid(1)}\tdrones\thigh\tdrones filmant`,
        `${uid(2)}\t-\thigh\tépandage`,
        `${uid(3)}\tchiffrement\tlow\t`,
        `${uid(4)}\tdrones\thigh\t`,
      ].join("\n"),
    );
    const run = navette(["marquer", "--evaluer", labels, folder], tempDir());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("4 documents lus");
    expect(run.stdout).toMatch(/drones\s+2\s+0\s+0\s+1\.00\s+1\.00/);
    expect(run.stdout).toMatch(/chiffrement\s+0\s+0\s+1\s+1\.00\s+0\.00/);
    expect(run.stdout).toMatch(/total \(micro\)\s+2\s+1\s+1\s+0\.67\s+0\.67/);
    expect(run.stdout).toContain(`faux positif renseignement : ${uid(4)}`);
    expect(run.stdout).toContain("preuve : terme « service* de renseignement » avec « acces » : « services de renseignement » (alinéa 1)");
    expect(run.stdout).toContain(`faux négatif chiffrement : ${uid(3)}`);

    writeFileSync(labels, `${uid(1)}\tdrone\thigh\n`);
    const bad = navette(["marquer", "--evaluer", labels, folder], tempDir());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("labels.tsv, ligne 1 : thème inconnu « drone »");
  });

  it("exports the staff's decisions as labels that the evaluation reads back from the database", () => {
    const data = tempDir();
    expect(navette(["demo"], data).code).toBe(0);
    expect(navette(["marquer"], data).code).toBe(0);
    const decide = (action: string, theme: string, reason: string) =>
      navette(["theme", action, "DLR5L17N99901", "8 ter@SN1-COM-FOND-RAPPORT#1", theme, "--raison", reason, "--par", "Camille"], data);
    // The rules find « chiffrement » on the backdoor article, never « profilage »: the team says otherwise.
    expect(decide("rejeter", "chiffrement", "hors sujet").code).toBe(0);
    expect(decide("ajouter", "profilage", "cible des personnes").code).toBe(0);
    const file = path.join(tempDir(), "decisions.tsv");
    expect(navette(["theme", "exporter", "--sortie", file], data).code).toBe(0);
    const [uid, themes, confidence, note] = readFileSync(file, "utf8").trim().split("\t");
    expect(uid).toBe("DLR5L17N99901/8 ter@SN1-COM-FOND-RAPPORT#1");
    expect(themes!.split(",")).toContain("profilage");
    expect(themes!.split(",")).not.toContain("chiffrement");
    expect(confidence).toBe("high");
    expect(note).toContain("−chiffrement (Camille) : hors sujet");
    const evaluation = navette(["marquer", "--evaluer", file], data);
    expect(evaluation.code).toBe(0);
    expect(evaluation.stdout).toContain("1 textes étiquetés lus");
    expect(evaluation.stdout).toContain("faux positif chiffrement : DLR5L17N99901/8 ter@SN1-COM-FOND-RAPPORT#1");
    expect(evaluation.stdout).toContain("faux négatif profilage : DLR5L17N99901/8 ter@SN1-COM-FOND-RAPPORT#1");
  });

  it("creates an account only with a password hard to guess, and says what is wrong with the arguments", () => {
    const data = tempDir();
    const add = (extra: string[], password: string) =>
      navette(["utilisateur", "ajouter", "--email", "alex@example.org", "--nom", "Alex", ...extra], data, { NAVETTE_PASSWORD: password });
    const chef = add(["--role", "chef"], "correct horse battery staple");
    expect(chef.code).toBe(1);
    expect(chef.stderr).toContain("rôle « chef » inconnu : admin, staff ou volunteer attendu");
    const weak = add(["--role", "admin"], "aaaaaaaaaaaa");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("trop facile à deviner");
    const ok = add(["--role", "admin"], "correct horse battery staple");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("compte alex@example.org créé (admin)");
  });

  it("refuses a configuration it cannot use, naming the variable", () => {
    const wrong = navette(["migrate"], tempDir(), { NAVETTE_PUBLIC_URL: "navette.example.org" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("NAVETTE_PUBLIC_URL invalide");
    expect(navette(["migrate"], tempDir(), { NAVETTE_TRUST_PROXY: "oui" }).stderr).toContain("NAVETTE_TRUST_PROXY invalide");
  });

  it("asks the password twice on a terminal without showing it (a real pseudo-terminal)", () => {
    const data = tempDir();
    // Python's pty module gives the CLI a terminal; the script types as a person would.
    const script = `
import os, pty, sys, select
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(sys.argv[1], sys.argv[1:], os.environ)
out = b""
def read_until(marker, start):
    global out
    while marker not in out[start:]:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready: break
        try: chunk = os.read(fd, 1024)
        except OSError: break
        if not chunk: break
        out += chunk
start = 0
for typed in [b"correct horse battery staple", b"correct horse battery staple"]:
    read_until(b"passe : ", start)
    start = len(out)
    os.write(fd, typed + b"\\r")
read_until(b"__end__", start)
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf8", "replace"))`;
    const result = spawnSync(
      "python3",
      [
        "-c",
        script,
        process.execPath,
        "--import",
        "tsx",
        path.join(ROOT, "src/cli/main.ts"),
        "utilisateur",
        "ajouter",
        "--role",
        "admin",
        "--email",
        "tty@example.org",
        "--nom",
        "Tty",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NAVETTE_DATA_DIR: data, DATABASE_URL: "", NAVETTE_PASSWORD: "" },
        encoding: "utf8",
        timeout: 90_000,
      },
    );
    expect(result.stdout, result.stderr).toContain("Mot de passe : ");
    expect(result.stdout).toContain("Confirmez le mot de passe : ");
    expect(result.stdout).toContain("compte tty@example.org créé (admin)");
    expect(result.stdout).not.toContain("horse");
  });
});
