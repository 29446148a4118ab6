/**
 * The events journal's kinds and payloads (#16): written through one typed constructor, read back
 * through one reader that never throws on what an older version or a hand-made row holds.
 */
import { describe, expect, it } from "vitest";
import { causesOf, eventOf, readEvent, stepOf } from "../../src/domain/events.js";

describe("events", () => {
  it("reads back what eventOf wrote, with its kind's shape", () => {
    const written = eventOf("provision.status", {
      step: "AN1-COM-FOND-RAPPORT#1",
      status: "deleted",
      previous: "depose",
      number: "8 ter",
      causes: ["AMANR5L17PO59051B9907P0D1N000012"],
      changeRatio: 1,
    });
    const event = readEvent(written);
    expect(event?.kind).toBe("provision.status");
    expect(stepOf(event)).toBe("AN1-COM-FOND-RAPPORT#1");
    expect(causesOf(event)).toEqual(["AMANR5L17PO59051B9907P0D1N000012"]);
  });

  it("refuses unknown kinds and payloads that are not JSON objects, and fills lists an older payload lacks", () => {
    expect(readEvent({ kind: "amendment.deleted", payload: "{}" })).toBeNull();
    expect(readEvent({ kind: "tag.found", payload: "{not json" })).toBeNull();
    expect(readEvent({ kind: "tag.found", payload: "[1, 2]" })).toBeNull();
    const old = readEvent({ kind: "provision.status", payload: JSON.stringify({ step: "AN1-DEBATS-DEC#1", status: "deleted" }) });
    expect(causesOf(old)).toEqual([]);
    expect(old?.kind === "provision.status" && old.payload.changeRatio).toBe(0);
    const tag = readEvent({ kind: "tag.found", payload: JSON.stringify({ theme: "chiffrement" }) });
    expect(tag?.kind === "tag.found" && tag.payload.evidence).toEqual([]);
  });
});
