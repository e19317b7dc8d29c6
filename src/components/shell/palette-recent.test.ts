import { describe, expect, it } from "vitest";
import { MAX_RECENT, readRecent, withRecent, type RecentItem } from "./palette-recent";

const item = (n: number): RecentItem => ({ kind: "order", label: `SO-${n}`, href: `/orders/SO-${n}` });

describe("the palette's recent items", () => {
  it("puts the newest first, each page once, and keeps the last few", () => {
    let list: RecentItem[] = [];
    for (let n = 1; n <= MAX_RECENT + 2; n++) list = withRecent(list, item(n));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.label).toBe(`SO-${MAX_RECENT + 2}`);
    list = withRecent(list, item(MAX_RECENT));
    expect(list.map((i) => i.label).filter((l) => l === `SO-${MAX_RECENT}`)).toHaveLength(1);
    expect(list[0]!.label).toBe(`SO-${MAX_RECENT}`);
  });

  it("reads back what it stored and drops what it cannot trust", () => {
    expect(readRecent(JSON.stringify([item(1)]))).toEqual([item(1)]);
    for (const stored of [null, "", "not json", "{}", JSON.stringify([{ kind: "order", label: 1, href: "/x" }])]) expect(readRecent(stored)).toEqual([]);
    expect(readRecent(JSON.stringify([{ kind: "order", label: "evil", href: "https://evil.example" }, { kind: "page", label: "x", href: "//evil.example" }]))).toEqual([]);
  });
});
