import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, toPage, ZPageInput } from "./pagination";

describe("pagination", () => {
  it("round-trips cursors and refuses foreign ones", () => {
    expect(decodeCursor(encodeCursor(["C-1", 3]), 2)).toEqual(["C-1", 3]);
    expect(() => decodeCursor("not-a-cursor", 2)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(["a"]), 2)).toThrow(/cursor/);
  });

  it("applies the API defaults and limits", () => {
    expect(ZPageInput.parse({})).toEqual({ limit: 50 });
    expect(ZPageInput.parse({ limit: "500" }).limit).toBe(500);
    expect(ZPageInput.safeParse({ limit: 501 }).success).toBe(false);
    expect(ZPageInput.safeParse({ limit: 0 }).success).toBe(false);
  });

  it("returns a next cursor only when there is another row", () => {
    const rows = [{ k: 1 }, { k: 2 }, { k: 3 }];
    const full = toPage(rows, 2, (r) => r.k, (r) => [r.k]);
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor!, 1)).toEqual([2]);
    expect(toPage(rows, 3, (r) => r.k, (r) => [r.k]).nextCursor).toBeNull();
  });
});
