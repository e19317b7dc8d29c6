import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFullDateTime, formatShortDate, formatTime, isoDate } from "./format-date";

const US = { locale: "en-US", timeZone: "UTC" };

describe("format-date", () => {
  it("formats days and moments in the locale given", () => {
    expect(formatDate("2026-12-04", { locale: "en-US" })).toBe("Dec 4, 2026");
    expect(formatDate("2026-12-04", { locale: "de-DE" })).toBe("04.12.2026");
    expect(formatDate("2026-12-04", { locale: "en-GB" })).toBe("4 Dec 2026");
    expect(formatDateTime("2026-12-04T14:15:00Z", US)).toBe("Dec 4, 2026, 2:15 PM");
    expect(formatTime("2026-12-04T14:15:00Z", US)).toBe("2:15 PM");
    expect(formatFullDateTime("2026-12-04T14:15:00Z", US)).toBe("Friday, December 4, 2026 at 2:15 PM");
    expect(formatDate(new Date("2026-12-04T14:15:00Z"), US)).toBe("Dec 4, 2026");
    expect(formatDate(Date.UTC(2026, 11, 4), US)).toBe("Dec 4, 2026");
  });

  it("never moves a calendar date to another day, whatever the time zone", () => {
    for (const timeZone of ["America/Los_Angeles", "Pacific/Auckland", "UTC"]) {
      expect(formatDate("2026-12-04", { locale: "en-US", timeZone })).toBe("Dec 4, 2026");
      expect(formatShortDate("2026-12-04", { locale: "en-US", timeZone, thisYear: 2026 })).toBe("Dec 4");
    }
    // A moment is shown in the reader's time zone: 02:00 UTC is the evening before in Los Angeles.
    expect(formatDate("2026-12-04T02:00:00Z", { locale: "en-US", timeZone: "America/Los_Angeles" })).toBe("Dec 3, 2026");
  });

  it("gives short dates the year only when it is not this year's", () => {
    expect(formatShortDate("2026-03-12", { locale: "en-US", thisYear: 2026 })).toBe("Mar 12");
    expect(formatShortDate("2025-03-12", { locale: "en-US", thisYear: 2026 })).toBe("Mar 12, 2025");
    expect(formatShortDate("2026-12-31T23:30:00Z", { locale: "en-US", timeZone: "Asia/Tokyo", thisYear: 2026 })).toBe("Jan 1, 2027");
  });

  it("shows what it cannot read as it is, and writes ISO days for exports", () => {
    expect(formatDate("not a date")).toBe("not a date");
    expect(formatShortDate("someday")).toBe("someday");
    expect(isoDate("2026-12-04T14:15:00Z")).toBe("2026-12-04");
    expect(isoDate("2026-12-04")).toBe("2026-12-04");
  });
});
