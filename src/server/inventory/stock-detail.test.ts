import { describe, expect, it } from "vitest";
import type { AtpLevel } from "./atp";
import { totalAtpTimeline } from "./stock-detail";

const level = (onHand: number, extra: Partial<AtpLevel> = {}): AtpLevel => ({ onHand, reserved: 0, heldBack: 0, backordered: 0, inbound: [], ...extra });
const today = "2026-11-21";

describe("totalAtpTimeline", () => {
  it("sums each warehouse's ATP at today, every arrival date and the horizon", () => {
    const east = level(10, { reserved: 4, inbound: [{ date: "2026-11-25", quantity: 5 }] });
    const west = level(3, { inbound: [{ date: "2026-12-01", quantity: 20 }] });
    expect(totalAtpTimeline([east, west], today)).toEqual([
      { date: "2026-11-21", atp: 9, inbound: 0 },
      { date: "2026-11-25", atp: 14, inbound: 5 },
      { date: "2026-12-01", atp: 34, inbound: 20 },
      { date: "2027-02-19", atp: 34, inbound: 0 },
    ]);
  });

  it("never lets one warehouse's shortfall eat another's stock, and counts overdue inbound from tomorrow", () => {
    const short = level(0, { backordered: 8 });
    const stocked = level(5, { inbound: [{ date: "2026-11-01", quantity: 2 }] });
    expect(totalAtpTimeline([short, stocked], today, 10)).toEqual([
      { date: "2026-11-21", atp: 5, inbound: 0 },
      { date: "2026-11-22", atp: 7, inbound: 2 },
      { date: "2026-12-01", atp: 7, inbound: 0 },
    ]);
  });

  it("leaves out arrivals beyond the horizon and subtracts hold-backs", () => {
    const held = level(10, { heldBack: 4, inbound: [{ date: "2027-06-01", quantity: 50 }] });
    expect(totalAtpTimeline([held], today, 30)).toEqual([
      { date: "2026-11-21", atp: 6, inbound: 0 },
      { date: "2026-12-21", atp: 6, inbound: 0 },
    ]);
  });
});
