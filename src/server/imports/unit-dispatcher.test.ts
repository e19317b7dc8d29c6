import { describe, expect, it } from "vitest";
import { UnitDispatcher, type DispatchUnit } from "./unit-dispatcher";

const unit = (groupNo: number, keys: string[], rows = 1): DispatchUnit => ({ groupNo, keys, rows });
/** A loader over a fixed list, `window` units at a time after a group number. */
const loader = (units: DispatchUnit[], window = 2) => async (after: number) => units.filter((u) => u.groupNo > after).slice(0, window);

describe("UnitDispatcher", () => {
  it("hands units out in file order, up to the rows asked, loading a window at a time", async () => {
    const dispatcher = new UnitDispatcher(loader([unit(1, ["a"], 3), unit(2, ["b"], 3), unit(3, ["c"], 3)]), 8);
    expect((await dispatcher.take(0, 5))?.map((u) => u.groupNo)).toEqual([1, 2]);
    dispatcher.release(0);
    expect((await dispatcher.take(0, 5))?.map((u) => u.groupNo)).toEqual([3]);
    dispatcher.release(0);
    expect(await dispatcher.take(0, 5)).toBeNull();
  });

  it("never gives two lanes units that share a key at the same time, and a blocked lane waits for the other", async () => {
    const dispatcher = new UnitDispatcher(loader([unit(1, ["sku-1", "c-1"]), unit(2, ["sku-1", "c-2"]), unit(3, ["sku-2", "c-3"])], 10));
    expect((await dispatcher.take(0, 1))?.map((u) => u.groupNo)).toEqual([1]);
    // Unit 2 shares sku-1 with lane 0's: lane 1 skips ahead to unit 3.
    expect((await dispatcher.take(1, 1))?.map((u) => u.groupNo)).toEqual([3]);
    dispatcher.release(1);
    let second: number[] | undefined;
    const waiting = dispatcher.take(1, 1).then((units) => (second = units?.map((u) => u.groupNo)));
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBeUndefined();
    dispatcher.release(0);
    await waiting;
    expect(second).toEqual([2]);
    dispatcher.release(1);
    expect(await Promise.all([dispatcher.take(0, 1), dispatcher.take(1, 1)])).toEqual([null, null]);
  });

  it("puts a batch handed back first again, and loads each window once when lanes run low together", async () => {
    const loads: number[] = [];
    const units = Array.from({ length: 6 }, (_, i) => unit(i + 1, [`k${i}`]));
    const dispatcher = new UnitDispatcher(async (after) => (loads.push(after), units.filter((u) => u.groupNo > after).slice(0, 3)), 2);
    const [a, b] = await Promise.all([dispatcher.take(0, 1), dispatcher.take(1, 1)]);
    expect([a?.[0]?.groupNo, b?.[0]?.groupNo]).toEqual([1, 2]);
    dispatcher.release(0, a!);
    expect((await dispatcher.take(0, 1))?.map((u) => u.groupNo)).toEqual([1]);
    const seen: number[] = [];
    dispatcher.release(0);
    dispatcher.release(1);
    for (let next = await dispatcher.take(0, 10); next; next = await dispatcher.take(0, 10)) {
      seen.push(...next.map((u) => u.groupNo));
      dispatcher.release(0);
    }
    expect(seen).toEqual([3, 4, 5, 6]);
    expect(new Set(loads).size).toBe(loads.length);
  });
});
