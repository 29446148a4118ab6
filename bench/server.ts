/**
 * The Navette server for benchmarks, on a free port of 127.0.0.1.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { DatabaseHandle } from "../db/connection.js";
import { createApp } from "../src/web/app.js";

/** Serves the app; returns its base URL and a stop function. */
export async function startBenchServer(handle: DatabaseHandle): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = createApp(handle);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
