import { DrizzleQueryError } from "drizzle-orm/errors";
import { AuthError } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeForLog, logUnexpectedError } from "../errors";

/** What Auth.js logs when a session cookie does not decrypt (its JWTSessionError wraps the cause as `{ err }`). */
class JWTSessionError extends AuthError {
  static type = "JWTSessionError";
}

afterEach(() => vi.restoreAllMocks());

describe("describeForLog", () => {
  it("puts a forged session cookie on one line: the error and why it failed, no stack", async () => {
    const forged = await decode({ token: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.cookie.value", secret: "s".repeat(32), salt: "authjs.session-token" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(forged).toBeInstanceOf(Error);
    const line = describeForLog(new JWTSessionError(forged as never));
    expect(line).toMatch(/^JWTSessionError: Read more at https:\/\/errors\.authjs\.dev#jwtsessionerror ← \w+/);
    expect(line).not.toContain("\n");
    expect(line).not.toContain("forged.cookie");
    // In a production build the class is called something like "m"; Auth.js's `type` still names it.
    const minified = class extends AuthError {
      static type = "JWTSessionError";
    };
    expect(minified.name).toBe("minified");
    expect(describeForLog(new minified(forged as never))).toMatch(/^JWTSessionError: /);
  });

  it("redacts the values a failed query was sent with, in Drizzle's message and in PostgreSQL's", () => {
    const cause = Object.assign(new Error('invalid input syntax for type integer: "4111 1111 1111 1111"'), { name: "PostgresError", code: "22P02" });
    const error = new DrizzleQueryError('select * from "customers" where "credit_limit" = $1 and "email" = $2', ["4111 1111 1111 1111", "ceo@example.com"], cause);
    const line = describeForLog(error);
    expect(line).toBe(
      'DrizzleQueryError: Failed query: select * from "customers" where "credit_limit" = $1 and "email" = $2 (2 parameters redacted) ← PostgresError [22P02]: invalid input syntax for type integer: "[redacted]"',
    );
  });

  it("logs an unexpected error as that line and where it was thrown, nothing else", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    logUnexpectedError(new DrizzleQueryError("select $1", ["secret-password"], new Error("boom")));
    expect(errors).toHaveBeenCalledTimes(1);
    const [message, ...rest] = errors.mock.calls[0]!;
    expect(rest).toEqual([]);
    expect(message).toMatch(/^\[orderdesk\] unexpected error: DrizzleQueryError: Failed query: select \$1 \(1 parameter redacted\) ← Error: boom\n {4}at /);
    expect(message).not.toContain("secret-password");
    expect(String(message).split("\n").length).toBeLessThanOrEqual(9);
  });
});
