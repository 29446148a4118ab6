/**
 * The pages of a bill: the home page (followed bills, tagged articles, latest changes), a bill
 * (steps, matrix, changes), an article (versions, diff, amendments, themes, annotations) with its
 * htmx fragments, and an amendment.
 */
import { Hono } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import {
  getAmendment,
  getDossier,
  getDossierThemes,
  getProvision,
  getProvisionMatrix,
  getProvisionThemes,
  getTaggedProvisionsByDossier,
  listDossiers,
} from "./queries.js";
import { groupChanges } from "./changes.js";
import { diffArticles } from "../domain/navette/diff.js";
import { PROVISION_STATUSES } from "../domain/navette/engine.js";
import { ProvisionPage } from "../../views/provision.js";
import { AmendmentPage } from "../../views/amendment.js";
import { DiffPanel } from "../../views/partials/diff.js";
import { provisionPath, stepLabel } from "../../views/format.js";
import { describeFeedEvent, feedVocabulary, latestChanges } from "./feeds.js";
import type { SessionVariables } from "./session.js";
import { annotationError, annotationItems } from "./annotation-routes.js";
import { amendmentFilterQuery, filterAmendments, parseAmendmentFilter } from "../../views/amendment-filter.js";
import { AmendmentsTable } from "../../views/partials/amendments.js";
import { hasRole } from "../accounts/roles.js";
import { HomePage } from "../../views/home.js";
import { DossierPage } from "../../views/dossier.js";
import { PartialDossierPage } from "../../views/partial-dossier.js";
import { inForce, stepToShow } from "../domain/navette/step-to-show.js";
import { getPartialDossier } from "../../db/read/partial-dossier.js";
import { amendmentsByGroup } from "../../db/read/amendments-by-group.js";
import { groupOutcomes } from "../../views/partials/amendments-by-group.js";
import { NotFoundPage } from "../../views/not-found.js";

/** GET /, /dossiers/:uid, /dossiers/:uid/articles/:pid (and its amendements and diff fragments), /amendements/:uid. */
export function billRoutes(db: Kysely<Database>, themeLabels: ReadonlyMap<string, string>): Hono<{ Variables: SessionVariables }> {
  const routes = new Hono<{ Variables: SessionVariables }>();
  routes.get("/", async (c) => {
    const dossiers = await listDossiers(db);
    const titles = new Map(dossiers.map((d) => [d.uid, d.title]));
    const latest = await latestChanges(db, 20);
    const vocabulary = await feedVocabulary(db, latest, themeLabels);
    const recent = latest.map((event) => ({
      ...describeFeedEvent(event, vocabulary),
      date: event.occurred_at ?? event.recorded_at,
      dossierTitle: event.dossier_uid ? (titles.get(event.dossier_uid) ?? null) : null,
    }));
    return c.html(
      <HomePage
        dossiers={dossiers}
        recent={recent}
        tagged={await getTaggedProvisionsByDossier(
          db,
          dossiers.map((d) => d.uid),
        )}
        themeLabels={themeLabels}
        since={new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 86_400_000).toISOString()}
      />,
    );
  });

  routes.get("/dossiers/:uid", async (c) => {
    const detail = await getDossier(db, c.req.param("uid"));
    if (!detail) {
      // Known only by its amendments (a dump imported before its dossier): what they say, marked partial.
      const partial = await getPartialDossier(db, c.req.param("uid"));
      if (partial) return c.html(<PartialDossierPage dossier={partial} />);
      return c.html(<NotFoundPage what={`Aucun dossier « ${c.req.param("uid")} ».`} />, 404);
    }
    const requested = c.req.query("statut") ?? "";
    const filter = (PROVISION_STATUSES as readonly string[]).includes(requested) ? requested : null;
    const theme = c.req.query("theme") ?? "";
    const changes = groupChanges(detail.events, detail.steps, await feedVocabulary(db, detail.events, themeLabels));
    return c.html(
      <DossierPage
        detail={detail}
        changes={changes}
        matrix={await getProvisionMatrix(db, detail.dossier.uid)}
        filter={filter}
        themeFilter={themeLabels.has(theme) ? theme : null}
        themes={await getDossierThemes(db, detail.dossier.uid)}
        themeLabels={themeLabels}
        byGroup={groupOutcomes(await amendmentsByGroup(db, detail.dossier.uid))}
      />,
    );
  });

  provisionRoutes(routes, db, themeLabels);
  routes.get("/amendements/:uid", async (c) => {
    const view = await getAmendment(db, c.req.param("uid"));
    if (!view) return c.html(<NotFoundPage what={`Aucun amendement « ${c.req.param("uid")} ».`} />, 404);
    return c.html(<AmendmentPage view={view} themeLabels={themeLabels} />);
  });
  return routes;
}

/** The two versions compared: the query's when valid, else the previous step and the last one. */
function chooseVersions(detail: NonNullable<Awaited<ReturnType<typeof getProvision>>>, from?: string, to?: string) {
  const keys = detail.steps.map((s) => s.stepKey);
  // By default, the last change of its text, not the last step (which may only have carried it over).
  const lastChange = [...detail.steps].reverse().find((s) => s.changeRatio > 0)?.stepKey ?? keys[keys.length - 1] ?? null;
  const toKey = to && keys.includes(to) ? to : lastChange;
  const toIndex = toKey ? keys.indexOf(toKey) : -1;
  const fromKey = from && keys.includes(from) ? from : (keys[Math.max(0, toIndex - 1)] ?? null);
  const fromState = detail.steps.find((s) => s.stepKey === fromKey);
  const toState = detail.steps.find((s) => s.stepKey === toKey);
  const diff = fromState && toState ? diffArticles(fromState.alineas, toState.alineas) : null;
  return { fromKey, toKey, diff, fromLabel: fromState ? stepLabel(fromState) : "—", toLabel: toState ? stepLabel(toState) : "—" };
}

/** GET /dossiers/:uid/articles/:pid, and its htmx fragments: the filtered amendments and the diff of two versions. */
function provisionRoutes(
  routes: Hono<{ Variables: SessionVariables }>,
  db: Kysely<Database>,
  themeLabels: ReadonlyMap<string, string>,
): void {
  routes.get("/dossiers/:uid/articles/:pid", async (c) => {
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what={`Aucun article « ${c.req.param("pid")} » dans ce dossier.`} />, 404);
    const { fromKey, toKey, diff } = chooseVersions(detail, c.req.query("de"), c.req.query("a"));
    // The text shown (and annotated): the one asked for, else the diff's newer side when the article is in it, else its last version in force.
    const to = detail.steps.find((s) => s.stepKey === toKey);
    const shown = c.req.query("montrer") ?? (to && inForce(to) ? to.stepKey : (stepToShow(detail.steps, null)?.stepKey ?? ""));
    const { themes, citations } = await getProvisionThemes(db, detail.dossier.uid, detail.id);
    const visitor = c.get("visitor");
    return c.html(
      <ProvisionPage
        themeDecisions={hasRole(visitor.user?.role, "staff") ? { csrf: visitor.csrfToken } : null}
        amendmentFilter={parseAmendmentFilter((name) => c.req.query(name), detail.amendments)}
        annotations={{
          items: await annotationItems(db, detail, visitor, shown),
          signedIn: !!visitor.user,
          csrf: visitor.csrfToken,
          error: annotationError(c.req.query("annotation")),
        }}
        detail={detail}
        from={fromKey}
        to={toKey}
        diff={diff}
        shownStep={shown}
        themes={themes}
        themeLabels={themeLabels}
        citations={citations}
      />,
    );
  });

  routes.get("/dossiers/:uid/articles/:pid/amendements", async (c) => {
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const filter = parseAmendmentFilter((name) => c.req.query(name), detail.amendments);
    const query = amendmentFilterQuery(filter);
    const pageUrl = `${provisionPath(detail.dossier.uid, detail.id)}${query ? `?${query}` : ""}`;
    if (c.req.header("HX-Request") !== "true") return c.redirect(`${pageUrl}#amendements`, 303);
    c.header("HX-Push-Url", pageUrl);
    c.header("Vary", "HX-Request");
    return c.html(<AmendmentsTable shown={filterAmendments(detail.amendments, filter)} total={detail.amendments.length} />);
  });

  routes.get("/dossiers/:uid/articles/:pid/diff", async (c) => {
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const { diff, fromLabel, toLabel } = chooseVersions(detail, c.req.query("de"), c.req.query("a"));
    const query = new URLSearchParams({ de: c.req.query("de") ?? "", a: c.req.query("a") ?? "" });
    const pageUrl = `/dossiers/${encodeURIComponent(detail.dossier.uid)}/articles/${encodeURIComponent(detail.id)}?${query}`;
    if (c.req.header("HX-Request") === "true") {
      // The address bar shows the page with the chosen versions: shareable, and reloadable without JavaScript.
      c.header("HX-Push-Url", pageUrl);
      c.header("Vary", "HX-Request");
      return c.html(<DiffPanel diff={diff} fromLabel={fromLabel} toLabel={toLabel} />);
    }
    return c.redirect(pageUrl, 303);
  });
}
