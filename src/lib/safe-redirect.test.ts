import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const ORIGIN = "https://desk.example.com";

describe("safeRedirectPath", () => {
  it.each([
    ["/orders", "/orders"],
    ["/orders?status=open&q=a%20b", "/orders?status=open&q=a%20b"],
    ["/inventory/SKU-1#levels", "/inventory/SKU-1#levels"],
    ["/customers/../orders", "/orders"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["https:evil.example", "/evil.example"],
    ["https://desk.example.com/invoices", "/invoices"],
  ])("keeps the same-origin path %s", (target, expected) => {
    expect(safeRedirectPath(target, ORIGIN)).toBe(expected);
  });

  it.each([
    ["the issue's backslash", "/\\evil.example/x"],
    ["a lone backslash", "\\\\evil.example"],
    ["protocol-relative", "//evil.example/x"],
    ["protocol-relative with a tab", "/\t/evil.example"],
    ["a newline", "/orders\n//evil.example"],
    ["NUL", "/orders\u0000"],
    ["DEL", "/orders\u007f"],
    ["a dot segment that leaves //", "/.//evil.example/x"],
    ["another origin", "https://evil.example/x"],
    ["another port", "https://desk.example.com:8443/orders"],
    ["another scheme", "http://desk.example.com/orders"],
    ["a parent segment that leaves //", "/a/..//evil.example"],
    ["another scheme without slashes", "http:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["credentials", "https://user:pw@desk.example.com/orders"],
    ["a relative path", "orders"],
    ["a leading space", " //evil.example"],
    ["empty", ""],
  ])("refuses %s", (_name, target) => {
    expect(safeRedirectPath(target, ORIGIN)).toBeNull();
  });

  it("refuses nothing to go to", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBeNull();
    expect(safeRedirectPath(null, ORIGIN)).toBeNull();
  });

  it("refuses anything when the origin is not a URL", () => {
    expect(safeRedirectPath("/orders", "not a url")).toBeNull();
  });
});
