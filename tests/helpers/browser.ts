/**
 * Real headless Chromium (Debian's package) driven by playwright-core, against a Navette server
 * on 127.0.0.1. Tests skip with a visible message when Chromium is not installed.
 */
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { createApp } from "../../src/web/app.js";
import type { DatabaseHandle } from "../../db/connection.js";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`[navette] ${CHROMIUM} absent : les tests dans le navigateur sont IGNORÉS (skipped). Installez le paquet Debian chromium.`);

/** Folder where screenshots are saved as test artifacts. */
export const ARTIFACTS = path.resolve(import.meta.dirname, "..", "..", "test-artifacts");

/** Starts Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Serves the app on a free port of 127.0.0.1; returns its base URL and a stop function. */
export async function startServer(handle: DatabaseHandle): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = createApp(handle);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
