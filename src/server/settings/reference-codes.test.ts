import { describe, expect, it } from "vitest";
import { findReferenceEntry, referenceNameOf } from "./reference-codes";

const units = [
  { code: "each", isArchived: false, aliases: ["EA", "C62", "H87"] },
  { code: "kg", isArchived: false, aliases: ["KGM"] },
  { code: "m", isArchived: false, aliases: ["MTR"] },
  { code: "ea", isArchived: true, aliases: [] },
];

describe("findReferenceEntry: a code or alias as sent → the unit it stands for", () => {
  it("finds a code in any case and with spaces around", () => {
    expect(findReferenceEntry(units, "kg")?.code).toBe("kg");
    expect(findReferenceEntry(units, " Each ")?.code).toBe("each");
  });

  it("resolves UN/ECE Rec 20 aliases, upper or lower case, to the canonical code", () => {
    expect(findReferenceEntry(units, "KGM")?.code).toBe("kg");
    expect(findReferenceEntry(units, "mtr")?.code).toBe("m");
    expect(findReferenceEntry(units, "C62")?.code).toBe("each");
  });

  it("lets a code win over an alias of the same letters", () => {
    expect(findReferenceEntry(units, "EA")?.code).toBe("ea");
  });

  it("finds nothing for what is neither", () => {
    expect(findReferenceEntry(units, "XYZ")).toBeUndefined();
    expect(findReferenceEntry(units, "")).toBeUndefined();
    expect(findReferenceEntry([{ code: "retail", isArchived: false, aliases: [] }], "wholesale")).toBeUndefined();
  });
});

describe("referenceNameOf: a code as a page shows it", () => {
  const segments = [
    { code: "wholesale", name: "Wholesale", isArchived: false },
    { code: "hospitals", name: "Hospitals", isArchived: true },
  ];
  it("shows the name, marks archived values, and falls back to the code", () => {
    expect(referenceNameOf(segments, "wholesale")).toBe("Wholesale");
    expect(referenceNameOf(segments, "hospitals")).toBe("Hospitals (archived)");
    expect(referenceNameOf(segments, "retail")).toBe("retail");
  });
});
