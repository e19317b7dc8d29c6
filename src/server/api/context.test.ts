import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { retryAfterOf } from "./context";

const limited = (seconds: number) =>
  new TRPCError({ code: "TOO_MANY_REQUESTS", cause: new AppError("rate_limited", "RATE_LIMITED", "slow down", { retryAfterSeconds: seconds }) });

describe("retryAfterOf (the tRPC door's Retry-After)", () => {
  it("says when a 429 may try again, 2 s for a 503, nothing otherwise", () => {
    expect(retryAfterOf([limited(7)])).toBe(7);
    expect(retryAfterOf([new TRPCError({ code: "SERVICE_UNAVAILABLE" })])).toBe(2);
    expect(retryAfterOf([new TRPCError({ code: "BAD_REQUEST" })])).toBeUndefined();
    expect(retryAfterOf([])).toBeUndefined();
  });

  it("takes the longest wait of a batch", () => {
    expect(retryAfterOf([new TRPCError({ code: "SERVICE_UNAVAILABLE" }), limited(5), new TRPCError({ code: "NOT_FOUND" })])).toBe(5);
  });
});
