import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config.js";
import {
  API_CONTENT_SECURITY_POLICY,
  API_DOCS_CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  createNonce,
  HSTS,
  isHttpsRequest,
  pageContentSecurityPolicy,
  responseKindOf,
  STATIC_SECURITY_HEADERS,
} from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  const policy = pageContentSecurityPolicy({ nonce: "abc123==" });

  it("runs only this request's scripts", () => {
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("refuses framing, plugins, foreign bases and form targets", () => {
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) {
      expect(policy).toContain(directive);
    }
  });

  it("upgrades insecure requests only over HTTPS, evaluates only in development", () => {
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "n", isHttps: true })).toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "n", isDev: true })).toContain("'unsafe-eval'");
  });
});

describe("createNonce", () => {
  it("is 16 random bytes in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("responseKindOf / contentSecurityPolicyFor", () => {
  it.each([
    ["/orders", "page"],
    ["/login", "page"],
    ["/inventory/replenishment", "page"],
    ["/api/trpc/orders.list", "api"],
    ["/api/v1/orders", "api"],
    ["/api/docs", "api-docs"],
    ["/invoices/INV-1/pdf", "download"],
    ["/fulfillment/shipments/SH-1/packing-slip", "download"],
    ["/invoices/journal/export", "download"],
  ] as const)("%s is a %s", (path, kind) => {
    expect(responseKindOf(path)).toBe(kind);
  });

  it("gives the API a policy that allows nothing", () => {
    expect(contentSecurityPolicyFor("api", { nonce: "n" })).toBe(API_CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicyFor("download", { nonce: "n" })).toBe("frame-ancestors 'none'");
    expect(contentSecurityPolicyFor("page", { nonce: "n" })).toContain("'nonce-n'");
  });
});

describe("isHttpsRequest", () => {
  it("believes the URL, or the proxy in front", () => {
    expect(isHttpsRequest("https://desk.example/orders", null)).toBe(true);
    expect(isHttpsRequest("http://127.0.0.1:3000/orders", null)).toBe(false);
    expect(isHttpsRequest("http://127.0.0.1:3000/orders", "https")).toBe(true);
    expect(isHttpsRequest("http://127.0.0.1:3000/orders", "https, http")).toBe(true);
    expect(isHttpsRequest("https://desk.example/orders", "http")).toBe(false);
  });
});

describe("next.config.js headers", () => {
  it("sends the same static headers, the API policies and HSTS behind HTTPS", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((rule) => rule.source === "/:path*" && !rule.has);
    expect(Object.fromEntries(all!.headers.map(({ key, value }) => [key, value]))).toEqual(STATIC_SECURITY_HEADERS);
    const hsts = rules.find((rule) => rule.has?.some((condition) => condition.key === "x-forwarded-proto"));
    expect(hsts!.headers).toEqual([{ key: "Strict-Transport-Security", value: HSTS }]);
    expect(rules.find((rule) => rule.source === "/api/:path*")!.headers).toEqual([
      { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY },
    ]);
    expect(rules.find((rule) => rule.source === "/api/docs")!.headers).toEqual([
      { key: "Content-Security-Policy", value: API_DOCS_CONTENT_SECURITY_POLICY },
    ]);
  });
});
