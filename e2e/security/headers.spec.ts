import { expect, test } from "@playwright/test";

/** Issue 14, row 8: security headers on pages, the API and downloads; the page's scripts run under its CSP. */
test.describe("[SECURITY] headers", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("a page has a nonce CSP that its own scripts carry, and the static headers", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    // Violations the page's code catches (a library probing for eval) are reported as events, not on the console.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto("/orders");
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toBeUndefined();

    // Every script of the page carries this request's nonce, and the page is interactive (hydrated).
    const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
    await page.keyboard.press("Control+k");
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(violations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);

    // A fresh nonce per request.
    const again = await page.request.get("/orders");
    expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  });

  test("the sign-in page has the headers too", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("an API answer allows nothing and is not sniffed", async ({ request }) => {
    const response = await request.get("/api/trpc/orders.list?input=%7B%7D");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("HSTS only when served over HTTPS (a TLS proxy in front says so)", async ({ request }) => {
    const plain = await request.get("/api/health");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    const viaTls = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(viaTls.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(viaTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});
