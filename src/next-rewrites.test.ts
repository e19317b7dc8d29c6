import fc from "fast-check";
import { buildCustomRoute } from "next/dist/server/lib/router-utils/filesystem";
import { describe, expect, it } from "vitest";
import nextConfig from "../next.config.js";

/**
 * next.config.js's rewrites of paths whose escapes do not decode (src/server/web/path-escapes.ts), compiled as
 * `next start` compiles them (next/dist/server/lib/router-utils/filesystem.js): they must take exactly the paths
 * decodeURIComponent refuses — one they miss is Next's bare 500, one they take by mistake never reaches its route.
 */
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
  fc.string({ unit: "grapheme", maxLength: 3 }).map((text) => encodeURIComponent(text)),
  fc.string({ unit: "grapheme", maxLength: 3 }).map((text) => encodeURIComponent(text).slice(0, -1)),
);
const rawPath = fc.array(pathPiece, { maxLength: 12 }).map((pieces) => pieces.join(""));

const rewrites = await nextConfig.rewrites!();
if (Array.isArray(rewrites)) throw new Error("next.config.js rewrites are expected as { beforeFiles, afterFiles, fallback }");
// Compiled as `next start` compiles them; tried in order, the first match wins (it has a route to go to).
const routes = (rewrites.beforeFiles ?? []).map((rewrite) => buildCustomRoute("rewrite", rewrite, "", false));
const destinationOf = (path: string) => routes.find((route) => route.match(path))?.destination ?? null;

describe("next.config.js: the rewrites of paths that do not decode", () => {
  it("send the API's to the route that answers them, the others to the not-found page", () => {
    for (const path of ["/api/v1/orders/%", "/api/v1/orders/%E0%A4%A", "/api/v1/orders/%/submit", "/api/trpc/%", "/api/%", "/api/v1/x/%ED%A0%80"]) {
      expect(destinationOf(path), path).toBe("/api/v1/malformed-path");
    }
    for (const path of ["/orders/%", "/orders/%E0%A4%A", "/invoices/%/pdf", "/%", "/apix/%", "/_next/%"]) {
      expect(destinationOf(path), path).toBe("/_malformed-path");
    }
  });

  it("leave every path that decodes alone", () => {
    for (const path of ["/", "/api", "/api/v1/orders/SO-1", "/api/v1/orders/%25", "/api/v1/customers/caf%C3%A9", "/api/v1/x/%F4%8F%BF%BF", "/orders/SO-1", "/orders/%2F"]) {
      expect(destinationOf(path), path).toBeNull();
    }
  });

  it("take exactly the paths decodeURIComponent refuses", () => {
    fc.assert(
      fc.property(fc.constantFrom("/api/v1/", "/api/", "/orders/", "/"), rawPath, (prefix, rest) => (destinationOf(prefix + rest) !== null) === !decodes(prefix + rest)),
    );
  });

  it("agree with decodeURIComponent on every first and second byte, and on the edges of the third and fourth", () => {
    const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    const bytes = Array.from({ length: 256 }, (_, byte) => byte);
    const edges = [0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0];
    const sequences: string[] = [];
    for (const first of bytes) {
      for (const second of bytes) {
        sequences.push(hex(first) + hex(second));
        // Longer sequences only after a lead byte that starts one (E0–F4); any other is wrong at its second byte.
        if (first < 0xe0 || first > 0xf4) continue;
        for (const third of edges) {
          sequences.push(hex(first) + hex(second) + hex(third));
          if (first >= 0xf0) for (const fourth of edges) sequences.push(hex(first) + hex(second) + hex(third) + hex(fourth));
        }
      }
    }
    for (const prefix of ["/api/v1/x", "/orders/x"]) {
      const disagreements = sequences.filter((sequence) => (destinationOf(prefix + sequence) !== null) === decodes(sequence));
      expect(disagreements).toEqual([]);
    }
  });

  it("are quick on a long path (no catastrophic backtracking)", () => {
    for (const prefix of ["/api/v1/", "/orders/"]) {
      const long = `${prefix}${"%C3%A9a".repeat(2_000)}%`;
      const started = performance.now();
      expect(destinationOf(long)).not.toBeNull();
      expect(destinationOf(long.slice(0, -1))).toBeNull();
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
