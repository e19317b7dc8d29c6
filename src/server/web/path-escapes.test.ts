import fc from "fast-check";
import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config.js";
import { MALFORMED_PATH_REWRITES, malformedApiPathError, malformedPathSegment } from "./path-escapes";

const decodes = (path: string) => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};

/** Paths made of pieces that are often, but not always, well-formed escapes: UTF-8 of any code point, cut or not. */
const pathPiece = fc.oneof(
  fc.constantFrom("/", "a", "-", "%", "%2", "%25", "%2F", "%zz", "%C3", "%A9", "%ED%A0%80", "%C0%80", "%F4%90%80%80", "%EF%BF%BF"),
  fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, "0")}`),
  fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`),
  fc.string({ unit: "grapheme", maxLength: 3 }).map((text) => encodeURIComponent(text)),
  fc.string({ unit: "grapheme", maxLength: 3 }).map((text) => encodeURIComponent(text).slice(0, -1)),
);
const rawPath = fc.array(pathPiece, { maxLength: 12 }).map((pieces) => pieces.join(""));

describe("malformedPathSegment", () => {
  it("names the first segment whose escapes do not decode", () => {
    expect(malformedPathSegment("/api/v1/orders/%")).toBe("%");
    expect(malformedPathSegment("/orders/%E0%A4%A")).toBe("%E0%A4%A");
    expect(malformedPathSegment("/orders/%E0%A4/x")).toBe("%E0%A4");
    expect(malformedPathSegment("/a/%zz/%")).toBe("%zz");
    // A surrogate (U+D800) and an overlong NUL are not UTF-8.
    expect(malformedPathSegment("/orders/%ED%A0%80")).toBe("%ED%A0%80");
    expect(malformedPathSegment("/orders/%C0%80")).toBe("%C0%80");
  });

  it("passes paths whose escapes all decode", () => {
    for (const path of ["/", "/orders", "/orders/SO-1001", "/orders/%25", "/customers/caf%C3%A9", "/x/%F0%9F%93%A6", "/a%2Fb"]) {
      expect(malformedPathSegment(path)).toBeNull();
    }
  });

  it("agrees with decodeURIComponent on the whole path", () => {
    fc.assert(fc.property(rawPath, (path) => (malformedPathSegment(path) === null) === decodes(path)));
  });
});

describe("the rewrites in next.config.js", () => {
  it("are the ones of path-escapes.ts, before the file system routes", async () => {
    expect(await nextConfig.rewrites!()).toEqual({
      beforeFiles: MALFORMED_PATH_REWRITES,
      afterFiles: [],
      fallback: [],
    });
  });
});

describe("malformedApiPathError", () => {
  it("is the API's INVALID_INPUT naming the path and its segment", () => {
    const error = malformedApiPathError("/api/v1/orders/%", "%");
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("/api/v1/orders/%");
    expect(error.details).toEqual({ path: "/api/v1/orders/%", fields: { "(path)": ['"%" is not a valid URL escape'] } });
  });
});
