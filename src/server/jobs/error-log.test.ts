import { describe, expect, it } from "vitest";
import { createErrorLog } from "./error-log";

describe("the job worker's error log", () => {
  it("logs one line per error, without the stack", () => {
    const log = createErrorLog();
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432\n    at stack"), { code: "ECONNREFUSED" });
    expect(log.report(error, 0)).toBe("Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432 at stack");
  });

  it("swallows repeats of the same message inside the window and counts them when the message changes", () => {
    const log = createErrorLog(60_000);
    const down = new Error("the database system is shutting down");
    expect(log.report(down, 0)).toBeDefined();
    expect(log.report(down, 1_000)).toBeUndefined();
    expect(log.report(down, 2_000)).toBeUndefined();
    expect(log.report(new Error("timeout"), 3_000)).toBe("Error: timeout (the previous error repeated 2 more times)");
  });

  it("logs a repeated message again once the window has passed", () => {
    const log = createErrorLog(60_000);
    expect(log.report("boom", 0)).toBe("boom");
    expect(log.report("boom", 30_000)).toBeUndefined();
    expect(log.report("boom", 60_000)).toBe("boom (the previous error repeated 1 more time)");
  });
});
