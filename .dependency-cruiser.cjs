/**
 * The layers of Navette, one direction (README, « Architecture »):
 *
 *   src/domain  ←  ingest  ←  db  ←  src/importer (application services)  ←  src/web, src/cli
 *
 * and views/, which render the view-models they receive as props: they may read the domain's
 * vocabularies, never the database, the web application or the services. `npm run deps`
 * checks it; .ci/run fails on any violation.
 */
const LOWER_THAN = (layers) => `^(${layers.join("|")})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain is the pure core: it imports nothing from the layers above it.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: LOWER_THAN(["ingest", "db", "views", "src/importer", "src/web", "src/cli", "src/accounts"]) },
    },
    {
      name: "domain-has-no-io",
      comment: "src/domain reads no file, no network and no database.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["npm", "core"], path: "(better-sqlite3|^pg$|kysely|node:fs|node:http|node:https|node:net|^fs$|^http$)" },
    },
    {
      name: "ingest-knows-no-storage",
      comment: "ingest/ turns source documents into domain records; it does not store them.",
      severity: "error",
      from: { path: "^ingest/" },
      to: { path: LOWER_THAN(["db", "views", "src/importer", "src/web", "src/cli"]) },
    },
    {
      name: "db-below-services",
      comment: "db/ (schema, stores) serves the application services and pages, and knows neither.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: LOWER_THAN(["views", "src/importer", "src/web", "src/cli"]) },
    },
    {
      name: "services-below-web",
      comment: "Application services (import, analyse, tag, index) are used by the web app and the CLI, not the reverse.",
      severity: "error",
      from: { path: "^src/importer/" },
      to: { path: LOWER_THAN(["views", "src/web", "src/cli"]) },
    },
    {
      name: "views-render-props",
      comment: "views/ render the view-models they are given: no database, no web application, no services.",
      severity: "error",
      from: { path: "^views/" },
      to: { path: LOWER_THAN(["db", "src/web", "src/cli", "src/importer"]) },
    },
    {
      name: "no-circular",
      comment: "Modules form no cycle.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|coverage|\\.scratch)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
