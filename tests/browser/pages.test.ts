/// <reference lib="dom" />
/**
 * The pages in a real browser: open a bill, open an article, change the versions compared
 * (htmx swaps the diff and the address reflects the choice), filter, and check that nothing is
 * requested from another host.
 */
import path from "node:path";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { loadDemo } from "../../src/importer/demo.js";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.js";
import { ARTIFACTS, hasChromium, launchBrowser, startServer } from "../helpers/browser.js";
import { createUser } from "../../db/store/accounts.js";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { amendmentSpec, tempDir, writeAmendmentFolder } from "../helpers/fixtures.js";
import { hashPassword } from "../../src/accounts/password.js";

describe.skipIf(!hasChromium)("pages in Chromium", () => {
  let database: TestDatabase;
  let browser: Browser;
  let server: { url: string; stop: () => Promise<void> };
  const foreign: string[] = [];
  /** Errors Chromium printed in the console (a CSP refusal among them), with the page they came from. */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await loadDemo(database);
    await createUser(database.db, {
      email: "benevole@example.org",
      displayName: "Camille <img src=x onerror=\"alert('nom')\">",
      role: "volunteer",
      passwordHash: await hashPassword("mot de passe du test"),
    });
    // An amendment whose imported HTML is hostile: it must render inert.
    const hostile = writeAmendmentFolder([
      amendmentSpec({
        text: "PIONANR5L17B9907",
        organ: "PO59051",
        number: 666,
        dispositif:
          '<p>Texte <img src=x onerror="alert(\'import\')"><script>alert("import")</script><a href="javascript:alert(1)">lien</a></p>',
        expose: '<p onclick="alert(2)">Exposé <iframe src="javascript:alert(3)"></iframe></p>',
      }),
    ]);
    await runImport(database, { kind: findSourceKind("an-amendements")!, location: hostile, cacheDir: tempDir() });
    server = await startServer(database);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${url} : ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${url} : ${error.message}`));
    await page.goto(`${server.url}${url}`);
    return page;
  }

  it("opens a bill, its matrix, then an article", async () => {
    const page = await open("/");
    await page
      .locator("table.dossiers")
      .getByRole("link", { name: /Démonstration — proposition de loi/ })
      .click();
    await page.waitForURL(/\/dossiers\/DLR5L17N99901$/);
    expect(await page.locator("h1").innerText()).toMatch(/sécurité des communications/);
    const cell = page.locator("table.matrix tr", { hasText: "8 ter" }).locator("td.status-deleted");
    expect(await cell.count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "dossier.png"), fullPage: true });
    await page.locator("table.matrix").getByRole("link", { name: "8 ter", exact: true }).click();
    await page.waitForURL(/\/articles\//);
    expect(await page.locator("h1").innerText()).toBe("Article 8 ter");
    expect(await page.locator(".status-timeline").innerText()).toContain("par l'amendement CL12");
    await page.close();
  });

  it("changes the versions compared: htmx swaps the diff in place and the address follows", async () => {
    const page = await open("/dossiers/DLR5L17N99901/articles/8%40SN1-DEPOT%231");
    await page.waitForFunction(() => "htmx" in window);
    // By default, the last change of the article's text: the Assemblée committee's new 3°.
    expect(await page.locator("#diff h3").innerText()).toContain("« 1re lecture · Assemblée · commission »");
    expect((await page.locator("#diff ins").allInnerTexts()).join("\n")).toContain("3° Au dernier alinéa");
    let swapped = false;
    page.on("response", (response) => {
      if (response.url().includes("/diff?") && response.request().headers()["hx-request"] === "true") swapped = true;
    });
    const before = await page.evaluate(() => performance.getEntriesByType("navigation").length);
    await page.locator('select[name="de"]').selectOption("AN1-COM-FOND-RAPPORT#1");
    await page.waitForFunction(() => document.querySelector("#diff")?.textContent?.includes("Part du texte modifiée : 0 %"));
    expect(swapped).toBe(true);
    expect(await page.locator("#diff ins").count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(before);
    expect(new URL(page.url()).searchParams.get("de")).toBe("AN1-COM-FOND-RAPPORT#1");
    await page.screenshot({ path: path.join(ARTIFACTS, "article-diff.png"), fullPage: true });
    // The address is shareable: opened afresh, it shows the same comparison.
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await shared.locator("#diff").innerText()).toContain("Part du texte modifiée : 0 %");
    await shared.close();
    await page.close();
  });

  it("filters the matrix by status without JavaScript tricks", async () => {
    const page = await open("/dossiers/DLR5L17N99901?statut=deleted");
    const rows = await page.locator("table.matrix tbody th > a:first-child").allInnerTexts();
    expect(rows).toEqual(["8 bis", "8 ter", "15 ter (art. 18 de la loi)"]);
    await page.close();
  });

  it("shows an amendment with its sanitised content and links back to the article", async () => {
    const page = await open("/amendements/AMANR5L17PO838901BTC9943P0D1N000101");
    expect(await page.locator("h1").innerText()).toBe("Amendement n° 101");
    expect(await page.locator(".imported").first().innerText()).toContain("Rétablir cet article");
    await page.getByRole("link", { name: "Article 8 ter" }).click();
    await page.waitForURL(/\/articles\//);
    expect(await page.locator("h1").innerText()).toBe("Article 8 ter");
    await page.close();
  });

  it("filters an article's amendments in place (htmx), the address following the filters", async () => {
    const page = await open("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231");
    await page.waitForFunction(() => "htmx" in window);
    const numbers = () => page.locator("#amendements tbody tr td:first-child a").allInnerTexts();
    // In the order of the navette: the Sénat's committee, its séance, then the Assemblée's.
    expect(await numbers()).toEqual(["COM-3", "12", "13", "CL12", "CL13", "CL14", "CL30", "101", "150"]);
    await page.locator('select[name="sort"]').selectOption("adopte");
    await page.waitForFunction(() => document.querySelectorAll("#amendements tbody tr").length === 3);
    expect(await numbers()).toEqual(["COM-3", "CL12", "CL13"]);
    await page.locator('select[name="auteur"]').selectOption("rapporteur");
    await page.waitForFunction(() => document.querySelectorAll("#amendements tbody tr").length === 2);
    expect(await numbers()).toEqual(["COM-3", "CL13"]);
    expect(await page.locator("#amendements").innerText()).toContain("2 amendements sur 9");
    const address = new URL(page.url());
    expect(address.searchParams.get("sort")).toBe("adopte");
    expect(address.searchParams.get("auteur")).toBe("rapporteur");
    // The address reloads to the same filtered list, without JavaScript too.
    await page.reload();
    expect(await numbers()).toEqual(["COM-3", "CL13"]);
    await page.close();
  });

  it("renders hostile imported HTML inert", async () => {
    const uid = (await database.db.selectFrom("amendments").select("uid").where("number", "=", "666").executeTakeFirstOrThrow()).uid;
    const page = await open(`/amendements/${encodeURIComponent(uid)}`);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    expect(await page.locator(".imported").first().innerText()).toContain("Texte");
    expect(await page.locator("main img, main script, main iframe, main [onclick]").count()).toBe(0);
    for (const link of await page.locator(".imported a").all())
      expect((await link.getAttribute("href")) ?? "").not.toMatch(/^javascript:/i);
    await page.locator(".imported").first().click();
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("searches as one types (htmx), the address following the query", async () => {
    const page = await open("/recherche");
    await page.waitForFunction(() => "htmx" in window);
    await page.locator('main input[name="q"]').fill("activation à distance");
    await page.waitForFunction(() => document.querySelectorAll("#resultats li").length > 0);
    const titles = await page.locator("#resultats li > a").allInnerTexts();
    expect(titles.some((t) => t.startsWith("Article 15 ter"))).toBe(true);
    expect(await page.locator("#resultats mark").first().innerText()).toMatch(/activation/i);
    expect(new URL(page.url()).searchParams.get("q")).toBe("activation à distance");
    await page.screenshot({ path: path.join(ARTIFACTS, "recherche.png"), fullPage: true });
    await page.close();
  });

  it("signs in and annotates an article through htmx; hostile Markdown runs nothing", async () => {
    // The article page's own sign-in link brings the volunteer back to it.
    const page = await open("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231");
    await page.getByRole("link", { name: "Connectez-vous" }).click();
    await page.waitForURL(/\/connexion\?suite=/);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByLabel("Adresse électronique").fill("benevole@example.org");
    await page.getByLabel("Mot de passe").fill("mot de passe du test");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((u) => u.pathname.includes("/articles/"));
    await page.waitForFunction(() => "htmx" in window);
    const form = page.locator("form.annotation-form");
    await form.locator('select[name="etape"]').selectOption("SN1-COM-FOND-RAPPORT#1");
    await form.locator('input[name="citation"]').fill("sans pouvoir opposer le chiffrement");
    await form
      .locator('textarea[name="corps"]')
      .fill('Une **porte dérobée**. <img src=x onerror="alert(1)"> [clic](javascript:alert(2)) <script>alert(3)</script>');
    const url = page.url();
    await form.getByRole("button", { name: "Publier" }).click();
    await page.waitForFunction(() => document.querySelectorAll("#annotations article.annotation").length === 1);
    expect(page.url()).toBe(url); // swapped in place, no reload
    const annotation = page.locator("#annotations article.annotation");
    expect(await annotation.locator("strong").innerText()).toBe("porte dérobée");
    expect(await annotation.locator(".annotation-body img, .annotation-body script").count()).toBe(0);
    expect(await annotation.locator(".annotation-body a").getAttribute("href")).toBeNull();
    // Written on the Sénat's committee text, shown on the last version in force: the passage is found there.
    expect(await annotation.locator(".anchor").innerText()).toContain("Passage retrouvé à l'alinéa 2 de cette version.");
    // The hostile display name is shown as text, in the annotation and in the account menu.
    expect(await annotation.locator("header a").innerText()).toBe("Camille <img src=x onerror=\"alert('nom')\">");
    expect(await page.locator("img").count()).toBe(0);
    await annotation.locator(".annotation-body a").click();
    await page.screenshot({ path: path.join(ARTIFACTS, "annotation.png"), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("has no serious or critical accessibility violation on any page (axe-core), at 1280 and 390 px, light and dark, and nothing overflows", async () => {
    const pages = [
      "/",
      "/dossiers",
      "/dossiers/DLR5L17N99901",
      "/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231",
      "/amendements/AMANR5L17PO838901BTC9943P0D1N000101",
      "/recherche?q=chiffrement",
      "/themes",
      "/themes/chiffrement",
      "/codes",
      "/codes/CSI/L.%20851-8",
      "/connexion",
    ];
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    // axe is injected by the test, which the site's CSP would refuse: this context bypasses it.
    const found: string[] = [];
    for (const [width, colorScheme] of [
      [1280, "light"],
      [390, "light"],
      [1280, "dark"],
    ] as const) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, colorScheme });
      for (const url of pages) {
        const page = await context.newPage();
        await page.goto(`${server.url}${url}`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  context: Document,
                  options: object,
                ) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }>;
              };
            }
          ).axe;
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
          }));
        });
        for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
          found.push(`${width}px ${colorScheme} ${url} : ${v.id} (${v.impact}) ${v.nodes.join(" ")}`);
        // Nothing wider than the window: the page scrolls vertically only.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) found.push(`${width}px ${url} : la page déborde de ${overflow} px`);
        if (width === 390 && url === "/dossiers/DLR5L17N99901")
          await page.screenshot({ path: path.join(ARTIFACTS, "dossier-390.png"), fullPage: true });
        if (colorScheme === "dark" && url === "/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231")
          await page.screenshot({ path: path.join(ARTIFACTS, "article-sombre.png") });
        if (colorScheme === "dark") {
          // Dark mode really is dark: the page's ground follows the system.
          const ground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          if (ground !== "rgb(17, 21, 28)") found.push(`${url} : fond ${ground} en mode sombre`);
        }
        await page.close();
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 180_000);

  it("keeps the article column of the matrix in place on a phone while the steps scroll", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${server.url}/dossiers/DLR5L17N99901`);
    const scroller = page.locator(".matrix-scroll");
    const firstRow = page.locator("table.matrix tbody th[scope=row]").first();
    const before = await firstRow.boundingBox();
    const lastHeader = page.locator("table.matrix thead th").last();
    const headerBefore = await lastHeader.boundingBox();
    await scroller.evaluate((el) => (el.scrollLeft = 400));
    const after = await firstRow.boundingBox();
    const headerAfter = await lastHeader.boundingBox();
    expect(headerAfter!.x).toBeLessThan(headerBefore!.x - 300); // the steps moved
    expect(Math.abs(after!.x - before!.x)).toBeLessThan(1); // the article stayed
    await page.screenshot({ path: path.join(ARTIFACTS, "matrice-390-defilee.png") });
    await page.close();
  });

  it("takes the README's pictures of the home, bill, article and amendment pages, light and dark", async () => {
    // Written to test-artifacts/readme; « NAVETTE_README_PICTURES=docs/images npx vitest run tests/browser » refreshes the README's.
    const target = process.env["NAVETTE_README_PICTURES"]
      ? path.resolve(process.env["NAVETTE_README_PICTURES"])
      : path.join(ARTIFACTS, "readme");
    mkdirSync(target, { recursive: true });
    const shots: Array<[string, string, "light" | "dark"]> = [
      ["accueil", "/", "light"],
      ["texte", "/dossiers/DLR5L17N99901", "light"],
      ["article", "/dossiers/DLR5L17N99901/articles/15%20ter%40SN1-DEBATS-DEC%231", "light"],
      ["amendement", "/amendements/AMANR5L17PO838901BTC9943P0D1N000101", "light"],
      ["article-sombre", "/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231", "dark"],
    ];
    for (const [name, url, colorScheme] of shots) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 820 }, colorScheme });
      const response = await page.goto(`${server.url}${url}`);
      expect(response?.status(), url).toBe(200);
      const file = path.join(target, `${name}.png`);
      await page.screenshot({ path: file });
      expect(statSync(file).size, file).toBeGreaterThan(20_000);
      await page.close();
    }
  });

  it("never requests another host", () => {
    expect(foreign).toEqual([]);
  });

  it("prints no error in the console on any page opened, CSP refusals (htmx's inline style) and missing favicon included", () => {
    expect(consoleErrors).toEqual([]);
  });
});
