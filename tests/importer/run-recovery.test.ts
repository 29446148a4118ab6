/**
 * Telling a dead run from a live one: same machine, by its process; another machine, by its heartbeat.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isAlive, STALE_AFTER_MS, thisProcess } from "../../src/importer/run-recovery.js";

describe("isAlive", () => {
  const self = thisProcess();
  const now = Date.parse("2026-11-30T10:00:00Z");
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it("on this machine, asks the process: this one lives, an exited one does not, whatever the heartbeat", () => {
    const exited = spawnSync(process.execPath, ["-e", "0"]).pid;
    expect(isAlive({ id: 1, host: self.host, pid: self.pid, heartbeatAt: ago(STALE_AFTER_MS * 10) }, now)).toBe(true);
    expect(isAlive({ id: 2, host: self.host, pid: process.ppid, heartbeatAt: ago(STALE_AFTER_MS * 10) }, now)).toBe(true);
    expect(isAlive({ id: 3, host: self.host, pid: exited, heartbeatAt: ago(0) }, now)).toBe(false);
  });

  it("on another machine, or without a process, trusts a recent heartbeat only", () => {
    expect(isAlive({ id: 4, host: "autre-machine", pid: self.pid, heartbeatAt: ago(60_000) }, now)).toBe(true);
    expect(isAlive({ id: 5, host: "autre-machine", pid: self.pid, heartbeatAt: ago(STALE_AFTER_MS + 1) }, now)).toBe(false);
    expect(isAlive({ id: 6, heartbeatAt: ago(60_000) }, now)).toBe(true);
    expect(isAlive({ id: 7, heartbeatAt: null }, now)).toBe(false);
  });
});
