/**
 * The web pages over a real SQLite database loaded with the demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { bumpDataVersion } from "../../db/store/data-version.js";
import { getProvisionMatrix } from "../../src/web/queries.js";

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`web on ${dialect}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof createApp>;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const summaries = await loadDemo(database);
      expect(summaries.every((s) => s.status === "ok")).toBe(true);
      app = createApp(database);
    });
    afterAll(async () => {
      await database.dispose();
    });

    describe("pages", () => {
      it("lists the imported bills on the home page", async () => {
        const response = await app.request("/");
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain("Démonstration — proposition de loi relative à la sécurité des communications");
        expect(html).toContain('href="/dossiers/DLR5L17N99901"');
        expect(html).toMatch(/22 amendements/);
        expect(html).toMatch(/<script src="\/assets\/htmx\.min\.js\?v=[0-9a-f]{12}"/);
      });

      it("answers the morning question first: each surveillance article, its status, its last change and whether it is new", async () => {
        const html = await (await app.request("/")).text();
        const morning = html.slice(html.indexOf("où en sont-ils"), html.indexOf("Tous les textes"));
        expect(morning).toMatch(
          /Article 8 ter<\/a> <span class="badge status-deleted">Supprimé<\/span><span class="muted"> — 1re lecture · Assemblée · commission, 8 mars 2025<\/span>/,
        );
        // Just imported: learnt since yesterday.
        expect(morning).toContain('<span class="badge new-change">nouveau</span>');
        expect(html.indexOf("où en sont-ils")).toBeLessThan(html.indexOf("Tous les textes"));
        // With a later status change recorded, the line shows that one, not the first.
        const later = await database.db
          .insertInto("events")
          .values({
            kind: "provision.status",
            subject_type: "provision",
            subject_id: "DLR5L17N99901/8 ter@SN1-COM-FOND-RAPPORT#1",
            dossier_uid: "DLR5L17N99901",
            text_uid: null,
            article: "8 ter",
            payload: JSON.stringify({ step: "AN1-DEBATS-DEC#1", status: "deleted" }),
            occurred_at: "2025-04-01",
            recorded_at: new Date().toISOString(),
            run_id: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        // As every store does in the transaction of its write: pages rendered before are stale.
        await bumpDataVersion(database.db);
        try {
          const again = await (await app.request("/")).text();
          expect(again).toMatch(
            /Article 8 ter<\/a> <span class="badge status-deleted">Supprimé<\/span><span class="muted"> — 1re lecture · Assemblée · séance, 1er avril 2025/,
          );
        } finally {
          await database.db.deleteFrom("events").where("id", "=", later.id).execute();
          await bumpDataVersion(database.db);
        }
      });

      it("shows a bill's changes grouped by step, newest step first, article statuses first, in words", async () => {
        const html = await (await app.request("/dossiers/DLR5L17N99901")).text();
        const changes = html.slice(html.indexOf("<h2>Derniers changements</h2>"));
        const headings = [...changes.matchAll(/<section class="change-group"><h3>([^<]+)/g)].map((m) => m[1]!.trim());
        expect(headings.slice(0, 2)).toEqual(["Promulgation · loi", "Conseil constitutionnel · décision"]);
        const law = changes.slice(changes.indexOf("<h3>Promulgation · loi"));
        // Renumbering by the law is one line for the bill, not one per article.
        const lawGroup = law.slice(0, law.indexOf("</section>"));
        expect(lawGroup).toContain("18 articles renumérotés par la loi n° 2025-999");
        expect(lawGroup).not.toContain("Renuméroté");
        expect(changes).not.toMatch(/Article \d+ : Renuméroté/);
        expect(headings.indexOf("CMP · Sénat · séance")).toBeLessThan(headings.indexOf("CMP · commission"));
        const decision = changes.slice(changes.indexOf("<h3>Conseil constitutionnel · décision"));
        expect(decision.slice(0, decision.indexOf("</section>"))).toMatch(
          /Article 15 ter \(art\. 18 de la loi\) : Censuré en partie[\s\S]*Article 9 bis \(art\. 10 de la loi\) : Censuré/,
        );
        const committee = changes.slice(changes.indexOf("<h3>CMP · commission"));
        const group = committee.slice(0, committee.indexOf("</section>"));
        expect(group).toContain("Article 8 bis : Supprimé");
        expect(group.indexOf("Article 8 bis : Supprimé")).toBeLessThan(group.indexOf("Texte n° 1010 publié"));
        expect(changes).not.toMatch(/text\.created|dossier\.created|PIONANR5L17|@SN1-DEPOT/);
      });

      it("lists the latest changes on the home page by their date in Parliament", async () => {
        const html = await (await app.request("/")).text();
        const dates = [...html.slice(html.indexOf("<h2>Derniers changements</h2>")).matchAll(/<span class="date">([^<]+)<\/span>/g)].map(
          (m) => m[1]!,
        );
        const months = [
          "janvier",
          "février",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "août",
          "septembre",
          "octobre",
          "novembre",
          "décembre",
        ];
        const asNumber = (d: string) => {
          const [day, month, year] = d.split(" ");
          return Number(year) * 10_000 + (months.indexOf(month!) + 1) * 100 + Number(day);
        };
        expect(dates.length).toBeGreaterThan(5);
        expect(dates.map(asNumber)).toEqual([...dates.map(asNumber)].sort((a, b) => b - a));
      });

      it("has index pages for bills, themes and code articles, linked from every page, in agreeing French", async () => {
        const bills = await (await app.request("/dossiers")).text();
        expect(bills).toContain('href="/dossiers/DLR5L17N99901"');
        const themes = await app.request("/themes");
        expect(themes.status).toBe(200);
        const themesHtml = await themes.text();
        expect(themesHtml).toContain('href="/themes/chiffrement"');
        expect(themesHtml).toContain("Chiffrement et messageries");
        const codes = await (await app.request("/codes")).text();
        expect(codes).toContain('href="/codes/CSI/L.%20851-8"');
        for (const html of [bills, themesHtml, codes]) expect(html).toContain('<nav class="site-nav"');
        expect(bills).toContain("22 amendements");
        expect(bills).not.toMatch(/(^|[^\d])1 amendements|(^|[^\d])[01] adoptés|(^|[^\d])[2-9] adopté(?!s)/);
      });

      it("shows the steps of a bill with its texts and amendment counts", async () => {
        const html = await (await app.request("/dossiers/DLR5L17N99901")).text();
        expect(html).toContain("1re lecture");
        expect(html).toContain("Commission mixte paritaire");
        expect(html).toContain("Texte n° 9943");
        expect(html).toContain("Loi n° 2025-999");
        expect(html).toContain("Loi n° 2025-999 publiée");
        // Links out to the bill's dossier in both chambers; no internal uid printed.
        expect(html).toContain(
          '<a href="https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N99901">dossier à l&#39;Assemblée nationale</a>',
        );
        expect(html).toContain('<a href="https://www.senat.fr/dossier-legislatif/ppl24-999.html">dossier au Sénat</a>');
        expect(html).not.toContain("dossier DLR5L17N99901");
        // Every step with a text (or a decision) is a column of the matrix, in the order of the navette.
        const headers = [...html.matchAll(/<th scope="col"[^>]*>(?:<[^>]+>)*([^<]+)/g)].map((m) => m[1]!.trim());
        expect(headers).toEqual([
          "Article",
          ...["Sénat 1re dépôt", "Sénat 1re com.", "Sénat 1re séance", "AN 1re dépôt", "AN 1re com.", "AN 1re séance"],
          ...["CMP com.", "AN CMP séance", "Sénat CMP séance", "Cons. const.", "Loi"],
          "Amdts",
        ]);
        expect(html).toMatch(/6 amendements \(/);
        // Themes found on articles are news; on amendments they are part of the amendment's items.
        expect(html).toMatch(/Thème « [^»]+ » trouvé dans l&#39;article \d/);
        expect(html).not.toContain("trouvé dans un amendement");
        const feed = await (await app.request("/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231.atom")).text();
        // Imported already decided: the item says the outcome, never « déposé ».
        expect(feed).toContain("Amendement 101 sur l'article 8 ter : rejeté en séance à l'Assemblée le 19 mars 2025");
        expect(feed).not.toContain("déposé");
      });

      it("shows themes with their evidence highlighted, the theme page and the code article page", async () => {
        const page = await (
          await app.request("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231?montrer=SN1-COM-FOND-RAPPORT%231")
        ).text();
        expect(page).toContain("Chiffrement et messageries");
        expect(page).toContain('<mark title="Chiffrement et messageries">contenu intelligible</mark>');
        // The evidence says the words found as the text writes them, never the rules' syntax.
        expect(page).toContain("alinéa 2 : « communications électroniques », « chiffrées », « contenu intelligible », « chiffrement »");
        expect(page).toContain("« article L. 851-8 du code de la sécurité intérieure »");
        expect(page).not.toMatch(/terme «|\w\* »|CSI L\. 851-\*/);
        const theme = await (await app.request("/themes/chiffrement")).text();
        expect(theme).toContain("Article 8 ter");
        expect(theme).toContain("CL12");
        const code = await (await app.request("/codes/CSI/L.%20851-3")).text();
        expect(code).toContain("Article 8");
        expect(code).toContain("<h1>Article L. 851-3 du code de la sécurité intérieure</h1>");
        expect(code).toContain('<a href="https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000025503132">');
        // 8 ter creates CSI L. 851-8 (« est complété par un article L. 851-8 ainsi rédigé »).
        const created = await (await app.request("/codes/CSI/L.%20851-8")).text();
        expect(created).toContain("Article 8 ter");
        expect((await app.request("/themes/inconnu")).status).toBe(404);
        const matrix = await (await app.request("/dossiers/DLR5L17N99901")).text();
        expect(matrix).toContain('href="/themes/dossier-coffre"');
      });

      it("draws the bill's navette as an SVG picture: a bar per article and step, sized by its text, said in words", async () => {
        const html = await (await app.request("/dossiers/DLR5L17N99901")).text();
        const svg = /<svg[^>]*role="img"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
        expect(svg).toContain("La navette en image : 30 articles à travers 11 étapes");
        const bars = [...svg.matchAll(/<rect class="nv-(\w+)"[^>]*width="(\d+)"[^>]*><title>([^<]+)<\/title>/g)];
        const matrix = await getProvisionMatrix(database.db, "DLR5L17N99901");
        const drawn = matrix.provisions.flatMap((p) => [...p.states.values()].filter((s) => s.status !== "absent"));
        expect(bars).toHaveLength(drawn.length);
        expect(bars.map((b) => b[3])).toContain("Article 8 ter — 1re lecture · Assemblée · commission : Supprimé");
        // Longer texts, longer bars: 8 ter as created by the Sénat's committee is wider than article 2.
        const widthOf = (title: string) => Number(bars.find((b) => b[3] === title)?.[2]);
        expect(widthOf("Article 8 ter — 1re lecture · Sénat · commission : Nouveau")).toBeGreaterThan(
          widthOf("Article 2 — 1re lecture · Sénat · commission : Inchangé"),
        );
      });

      it("draws the amendments by group and outcome, on the bill page and on an article's", async () => {
        const bill = await (await app.request("/dossiers/DLR5L17N99901")).text();
        const figure = /<figure class="by-group">[\s\S]*?<\/figure>/.exec(bill)?.[0] ?? "";
        const titles = [...figure.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1]);
        expect(titles).toContain("Socialistes et apparentés : 5 adoptés");
        expect(titles).toContain("Rassemblement National : 1 tombé");
        // Every amendment of the bill is in one segment, once.
        const counted = titles.reduce((sum, t) => sum + Number(/ : (\d+)/.exec(t!)![1]), 0);
        expect(counted).toBe(22);
        const article = await (await app.request("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231")).text();
        expect(article).toContain('aria-label="Amendements de cet article par groupe et par sort"');
      });

      it("shows, by default, an article's last version that has text, not its deletion", async () => {
        // 8 ter is deleted in the Assemblée's committee and out of every later text.
        const page = await (await app.request("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231")).text();
        expect(page).toContain("<h2>Texte — 1re lecture · Assemblée · dépôt (Inchangé)</h2>");
      });

      it("shows an amendment's themes with the words found, and links to its page and its author's on the chamber's site", async () => {
        const created = await (await app.request("/amendements/SN-2024-2025-999-COM-3")).text();
        expect(created).toMatch(
          /<h2>Thèmes<\/h2>[\s\S]*href="\/themes\/chiffrement"[\s\S]*mots trouvés : alinéa \d+ : [^<]*« chiffrement »/,
        );
        expect(created).toContain('href="https://www.senat.fr/amendements/commissions/2024-2025/999/Amdt_COM-3.html"');
        const seance = await (await app.request("/amendements/SN-2024-2025-256-12")).text();
        expect(seance).toContain(
          '<a href="https://www.senat.fr/amendements/2024-2025/256/Amdt_12.html">Voir l&#39;amendement sur le site du Sénat</a>',
        );
        expect(seance).toContain('<a href="https://www.senat.fr/senateur/dupont_jean00001a.html">Mme Durand</a>');
        // Names printed in capitals by the Sénat read as names.
        expect(created).toContain("<dd>M. Exemple, rapporteur</dd>");
      });

      it("shows on the home page the latest changes and the tagged articles of each bill, with a global feed", async () => {
        const html = await (await app.request("/")).text();
        expect(html).toContain("Derniers changements");
        expect(html).toContain("Articles touchant à la surveillance");
        expect(html).toMatch(/<a href="\/dossiers\/DLR5L17N99901\/articles\/8%20ter%40SN1-COM-FOND-RAPPORT%231">Article 8 ter<\/a>/);
        expect(html).toContain('href="/flux/tout.atom"');
        // One numbering: the navette's, the law's beside it; « Adopté conforme » is a chamber's vote, never the promulgation.
        expect(html).toContain("Article 15 ter (art. 18 de la loi)</a>");
        expect(html).not.toMatch(/Adopté conforme<\/span>\s*—\s*Promulgation/);
        expect(html).not.toMatch(/>Article 1[0-9]<\/a>/);
        const feed = await app.request("/flux/tout.atom");
        expect(feed.status).toBe(200);
        expect((await feed.text()).match(/<entry>/g)?.length).toBe(50);
      });

      it("filters the matrix by theme and by status together", async () => {
        const rowsOf = async (query: string) => {
          const html = await (await app.request(`/dossiers/DLR5L17N99901${query}`)).text();
          const table = /<table class="matrix">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
          return [...table.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
        };
        const all = await rowsOf("");
        const encryption = await rowsOf("?theme=chiffrement");
        expect(encryption).toContain("8 ter");
        expect(encryption.length).toBeLessThan(all.length);
        const deletedEncryption = await rowsOf("?theme=chiffrement&statut=deleted");
        expect(deletedEncryption).toEqual(
          encryption.filter((n) => (["8 ter", "9", "10", "15 ter"] as Array<string | undefined>).includes(n)),
        );
        expect(await rowsOf("?theme=inconnu")).toEqual(all);
      });

      it("keeps a person's rejection of a tag through re-tagging, and escapes its reason", async () => {
        const { decideTag } = await import("../../db/store/tags.js");
        const { tagDossier } = await import("../../src/importer/tagging.js");
        const { loadRules } = await import("../../src/importer/rules.js");
        await decideTag(database.db, {
          dossierUid: "DLR5L17N99901",
          provisionId: "16@SN1-DEPOT#1",
          theme: "dossier-coffre",
          decision: "rejected",
          reason: "<script>alert(1)</script> hors sujet",
          author: "Camille",
        });
        await tagDossier(database.db, "DLR5L17N99901", loadRules());
        const page = await (await app.request("/dossiers/DLR5L17N99901/articles/16%40SN1-DEPOT%231")).text();
        expect(page).toContain("rejeté par Camille");
        expect(page).not.toContain("<script>alert(1)</script>");
        expect(page).toContain("&lt;script&gt;");
        const matrix = await (await app.request("/dossiers/DLR5L17N99901")).text();
        expect(matrix).not.toContain('href="/themes/dossier-coffre"');
        const theme = await (await app.request("/themes/dossier-coffre")).text();
        expect(theme).not.toContain("Article 16");
      });

      it("answers 404 in French for an unknown bill", async () => {
        const response = await app.request("/dossiers/INCONNU");
        expect(response.status).toBe(404);
        expect(await response.text()).toContain("Aucun dossier « INCONNU »");
      });

      it("escapes what it displays", async () => {
        await database.db
          .insertInto("dossiers")
          .values({
            uid: "DLX",
            legislature: null,
            title: '<script>alert("x")</script>',
            slug: null,
            procedure: null,
            senat_signet: null,
            senat_url: null,
            content_hash: "h",
            created_at: "2025-01-01",
            updated_at: "2025-01-01",
          })
          .execute();
        const html = await (await app.request("/")).text();
        expect(html).not.toContain('<script>alert("x")</script>');
        expect(html).toContain("&lt;script&gt;");
        const unknown = await (await app.request("/dossiers/%3Cimg%20src%3Dx%3E")).text();
        expect(unknown).not.toContain("<img src=x>");
      });

      it("serves htmx and the stylesheet locally with cache headers and a strict CSP", async () => {
        const htmx = await app.request("/assets/htmx.min.js");
        expect(htmx.status).toBe(200);
        expect(htmx.headers.get("content-type")).toMatch(/javascript/);
        expect(htmx.headers.get("cache-control")).toBe("public, max-age=300");
        const versioned = /src="(\/assets\/htmx\.min\.js\?v=[0-9a-f]+)"/.exec(await (await app.request("/")).text())![1]!;
        const immutable = await app.request(versioned);
        expect(immutable.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        expect((await app.request(versioned, { headers: { "If-None-Match": immutable.headers.get("etag")! } })).status).toBe(304);
        expect(await htmx.text()).toContain("htmx");
        const css = await app.request("/assets/navette.css");
        expect(css.headers.get("content-type")).toMatch(/text\/css/);
        const page = await app.request("/");
        expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
        expect((await app.request("/assets/../package.json")).status).toBe(404);
      });
    });
  });
}
