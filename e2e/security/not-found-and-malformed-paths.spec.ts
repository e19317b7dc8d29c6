import { expect, test, type Page } from "@playwright/test";
import { contextAs, mutate } from "../fulfillment/fixtures";

/**
 * Issue 14, rows 8 and 10, as only the production build shows them:
 * - a path whose escapes do not decode (`/api/v1/orders/%`) failed inside Next's routing with a bare 500: the API
 *   answers 400 with its error body, a page is the not-found page;
 * - the not-found page was prerendered, so its scripts had no nonce and the page's CSP blocked every one.
 */

/** Everything the pages' Content-Security-Policy refuses, on every document the page loads: console and events. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (violation: string) => void }).__reportCspViolation;
      report(`${location.pathname}: ${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return violations;
}

/** Follows the not-found page's link home, which Next's router does in the page once the page's scripts run. */
async function followLinkHomeInPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  await page.getByRole("link", { name: "Back to your desk" }).click();
  return async () => page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage === true);
}

/** The page is the app's not-found page, rendered per request: every script in it carries this response's nonce. */
async function expectNotFoundPage(page: Page, path: string, heading: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  // Every script the server sent (those the page's own scripts add later run under 'strict-dynamic').
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
}

test.describe("[SECURITY] the not-found page runs its scripts under the CSP", () => {
  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("an unknown page, then its link home (the sign-in page), without a CSP violation", async ({ page }) => {
      const violations = await watchCsp(page);
      await expectNotFoundPage(page, "/nope", "Nothing here");
      // Hydrated: the link navigates in the page, and the desk sends a signed-out visitor to sign in.
      const stayedInPage = await followLinkHomeInPage(page);
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
      expect(await stayedInPage()).toBe(true);
      expect(violations).toEqual([]);
    });
  });

  test.describe("signed in", () => {
    test.use({ storageState: "e2e/.auth/rep.json" });

    test("an unknown page, an unknown order and a malformed address, without a CSP violation", async ({ page }) => {
      const violations = await watchCsp(page);
      await expectNotFoundPage(page, "/nope/deeper", "Nothing here");
      await expectNotFoundPage(page, "/orders/SO-DOES-NOT-EXIST", "Nothing here");
      await expectNotFoundPage(page, "/orders/%", "This address is malformed");
      await expectNotFoundPage(page, "/orders/%E0%A4%A", "This address is malformed");
      expect(violations).toEqual([]);
      // Hydrated: the link navigates in the page, to the rep's first area.
      const stayedInPage = await followLinkHomeInPage(page);
      await expect(page).toHaveURL(/\/orders$/);
      await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
      expect(await stayedInPage()).toBe(true);
    });
  });
});

test.describe("[SECURITY] a path whose escapes do not decode", () => {
  test("the API answers 400 with its error body naming the path, with or without a key", async ({ browser, request }) => {
    const admin = await contextAs(browser, "admin");
    let key: string;
    try {
      ({ key } = await mutate<{ key: string }>(admin.request, "integration.createApiKey", { name: `e2e malformed paths ${Date.now()}`, role: "manager" }));
    } finally {
      await admin.close();
    }
    for (const authorization of [undefined, `Bearer ${key}`]) {
      const headers = authorization ? { authorization } : undefined;
      for (const [path, segment] of [
        ["/api/v1/orders/%", "%"],
        ["/api/v1/orders/%E0%A4%A", "%E0%A4%A"],
      ] as const) {
        const response = await request.get(path, { headers });
        expect(response.status(), path).toBe(400);
        expect(response.headers()["content-type"]).toContain("application/json");
        expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
        const { error } = (await response.json()) as { error: { code: string; message: string; details: { path: string; fields: Record<string, string[]> } } };
        expect(error.code).toBe("INVALID_INPUT");
        expect(error.message).toContain(path);
        expect(error.details.path).toBe(path);
        expect(error.details.fields["(path)"]).toEqual([`"${segment}" is not a valid URL escape`]);
      }
      // An action with a body: refused the same way.
      const submit = await request.post("/api/v1/orders/%/submit", { headers, data: {} });
      expect(submit.status()).toBe(400);
      expect(((await submit.json()) as { error: { code: string } }).error.code).toBe("INVALID_INPUT");
    }
    // Well-formed escapes still reach the REST door: an unknown order is its 404.
    const unknown = await request.get("/api/v1/orders/SO%2DNOPE%C3%A9", { headers: { authorization: `Bearer ${key}` } });
    expect(unknown.status()).toBe(404);
    // The other API routes too, and the rewrite's own target is no API operation.
    expect((await request.get("/api/trpc/%")).status()).toBe(400);
    expect((await request.get("/api/v1/malformed-path")).status()).toBe(404);
  });
});
