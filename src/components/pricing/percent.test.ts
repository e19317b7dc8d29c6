import { describe, expect, it } from "vitest";
import { parseRate } from "./percent";

describe("parseRate", () => {
  it("reads percents with the allowed decimals", () => {
    expect(parseRate("6.625%", 4)).toEqual({ value: 6.625 });
    expect(parseRate(" 10 ")).toEqual({ value: 10 });
    expect(parseRate("6.625")).toEqual({ error: "A percent like 7.5 (at most 2 decimals)" });
    expect(parseRate("101")).toEqual({ error: "At most 100%" });
    expect(parseRate("-1")).toHaveProperty("error");
  });
});
