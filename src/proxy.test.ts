import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";
import { MALFORMED_PATH_HEADER } from "./server/web/path-escapes";

/**
 * What the proxy hands on (Next's middleware protocol): whether the request goes on as it is (no rewrite), and its
 * headers — the override list names every header the request keeps; one not on it is removed.
 */
function handedOn(response: Response) {
  const kept = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
  const requestHeader = (name: string) => (kept.includes(name) ? response.headers.get(`x-middleware-request-${name}`) : null);
  return { goesOn: response.headers.get("x-middleware-next") === "1" && !response.headers.has("x-middleware-rewrite"), requestHeader };
}

describe("proxy: a path whose escapes do not decode", () => {
  // next.config.js rewrites it to the not-found page, after the proxy: the proxy itself does not rewrite.
  it("is marked as malformed for the not-found page, which gets the page's CSP", () => {
    for (const path of ["/orders/%", "/orders/%E0%A4%A", "/invoices/%/pdf"]) {
      const response = proxy(new NextRequest(`http://localhost${path}`));
      const { goesOn, requestHeader } = handedOn(response);
      expect(goesOn, path).toBe(true);
      expect(requestHeader(MALFORMED_PATH_HEADER)).toBe("1");
      expect(requestHeader("x-orderdesk-path")).toBe(path);
      const nonce = requestHeader("x-nonce");
      expect(response.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    }
  });

  it("leaves well-formed paths alone, and never takes the header from the client", () => {
    for (const path of ["/orders/SO-1001", "/orders/%25", "/customers/caf%C3%A9", "/nope"]) {
      const response = proxy(new NextRequest(`http://localhost${path}`, { headers: { [MALFORMED_PATH_HEADER]: "1" } }));
      const { goesOn, requestHeader } = handedOn(response);
      expect(goesOn, path).toBe(true);
      expect(requestHeader(MALFORMED_PATH_HEADER)).toBeNull();
    }
  });
});
