/**
 * What the page frame needs of the request being rendered, read from the request's context where
 * the web application put it (src/web/app.tsx): the visitor (for the account menu and the CSRF
 * header of htmx requests) and the versioned address of each asset. Views depend on this shape,
 * not on the web application.
 */
import { tryGetContext } from "hono/context-storage";
import type { PageContext } from "./models.js";

type PageVariables = { visitor?: PageContext["visitor"]; assetPath?: PageContext["assetPath"] };

/** The page context; outside a request (a view rendered alone), no visitor and unversioned asset addresses. */
export function pageContext(): PageContext {
  const context = tryGetContext<{ Variables: PageVariables }>();
  return {
    visitor: context?.get("visitor") ?? null,
    assetPath: context?.get("assetPath") ?? ((name: string) => `/assets/${name}`),
  };
}
