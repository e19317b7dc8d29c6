import { describe, expect, it } from "vitest";
import { transientDatabaseError } from "./errors";

/** How drizzle wraps a driver error: "Failed query: …" with the driver's error as the cause. */
const wrapped = (cause: object) => Object.assign(new Error("Failed query: update stock_levels …"), { cause });

describe("transientDatabaseError", () => {
  it("makes a deadlock or serialization victim a 503 to try again", () => {
    for (const code of ["40P01", "40001"]) {
      expect(transientDatabaseError(wrapped({ code, message: "deadlock detected" }))).toMatchObject({ kind: "unavailable", code: "TRY_AGAIN" });
    }
  });

  it("makes a database that is restarting, gone or full a 503", () => {
    for (const code of ["57P01", "57P03", "53300", "08006", "CONNECTION_CLOSED", "ECONNREFUSED"]) {
      expect(transientDatabaseError(wrapped({ code })), code).toMatchObject({ kind: "unavailable", code: "DATABASE_UNAVAILABLE" });
    }
    expect(transientDatabaseError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
  });

  it("leaves every other error alone (a bug stays a 500, a constraint stays the use case's business)", () => {
    expect(transientDatabaseError(wrapped({ code: "23505" }))).toBeNull();
    expect(transientDatabaseError(wrapped({ code: "42P01" }))).toBeNull();
    expect(transientDatabaseError(new TypeError("x is undefined"))).toBeNull();
    expect(transientDatabaseError(undefined)).toBeNull();
  });
});
