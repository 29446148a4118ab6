/**
 * Dates read from a source: a real day or unknown, never another day.
 */
import { describe, expect, it } from "vitest";
import { isRealDay, readSourceDate } from "../../src/domain/calendar-date.js";
import { frenchDateOrNull } from "../../src/domain/wording.js";

describe("dates read from a source", () => {
  it("reads the open data's forms", () => {
    expect(readSourceDate("2025-02-21")).toEqual({ iso: "2025-02-21", problem: null });
    expect(readSourceDate("2025-02-21+01:00")).toEqual({ iso: "2025-02-21", problem: null });
    expect(readSourceDate("06/11/2018")).toEqual({ iso: "2018-11-06", problem: null });
    expect(readSourceDate("2025-03-06T00:06:24+01:00", { keepTime: true })).toEqual({ iso: "2025-03-06T00:06:24+01:00", problem: null });
    expect(readSourceDate("2025-03-06T00:06:24+01:00")).toEqual({ iso: "2025-03-06", problem: null });
    expect(readSourceDate(null)).toEqual({ iso: null, problem: null });
    expect(readSourceDate("  ")).toEqual({ iso: null, problem: null });
  });

  it("makes an impossible day unknown, saying why", () => {
    for (const impossible of [
      "9999-99-99",
      "0000-00-00",
      "2025-13-01",
      "2025-02-30",
      "2025-02-29",
      "2024-04-31",
      "31/02/2025",
      "1789-07-14",
    ])
      expect(readSourceDate(impossible), impossible).toEqual({ iso: null, problem: `date impossible « ${impossible} »` });
    expect(readSourceDate("2024-02-29").iso).toBe("2024-02-29"); // a leap year
    expect(readSourceDate("demain")).toEqual({ iso: null, problem: "date illisible « demain »" });
    expect(readSourceDate("2025-03-06T25:61:00", { keepTime: true })).toEqual({
      iso: "2025-03-06",
      problem: "heure impossible « 2025-03-06T25:61:00 » (date gardée)",
    });
    expect(isRealDay(2100, 12, 31)).toBe(true);
    expect(isRealDay(2101, 1, 1)).toBe(false);
  });

  it("never shows an impossible stored date as another day", () => {
    expect(frenchDateOrNull("2025-02-30")).toBeNull();
    expect(frenchDateOrNull("9999-99-99")).toBeNull();
  });
});
