import { describe, expect, it } from "vitest";
import { generatePassword, recentlyText, sessionsText, userFieldErrors } from "./format";

describe("userFieldErrors", () => {
  it("takes details.fields when the server names them", () => {
    expect(userFieldErrors({ code: "INVALID_INPUT", message: "isActive: You cannot deactivate yourself.", details: { fields: { isActive: ["You cannot deactivate yourself."] } } })).toEqual({
      isActive: ["You cannot deactivate yourself."],
    });
  });

  it("reads the field a conflict's message starts with", () => {
    expect(userFieldErrors({ code: "EMAIL_TAKEN", message: 'email: a user with email "a@b.c" already exists.' })).toEqual({ email: ['a user with email "a@b.c" already exists.'] });
    expect(userFieldErrors({ code: "LAST_ADMIN", message: "role: Ada is the last active administrator." })).toEqual({ role: ["Ada is the last active administrator."] });
  });

  it("names no field for other messages", () => {
    expect(userFieldErrors({ code: "ERROR", message: "Something went wrong on our side." })).toEqual({});
  });
});

describe("generatePassword", () => {
  it("gives four groups of four unambiguous characters, different each time", () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    for (const password of passwords) expect(password).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{4}(-[a-km-np-zA-HJ-NP-Z2-9]{4}){3}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});

describe("recentlyText", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  const ago = (ms: number) => new Date(now - ms);
  it.each([
    [20_000, "Just now"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 3_600_000, "3 hours ago"],
    [30 * 3_600_000, "yesterday"],
    [4 * 86_400_000, "4 days ago"],
  ])("%i ms ago is %s", (ms, text) => {
    expect(recentlyText(ago(ms), now, "en-US")).toBe(text);
  });

  it("leaves a week and more to the date", () => {
    expect(recentlyText(ago(7 * 86_400_000), now, "en-US")).toBeNull();
  });

  it("counts sessions in words", () => {
    expect(sessionsText(1)).toBe("1 session");
    expect(sessionsText(0)).toBe("0 sessions");
  });
});
