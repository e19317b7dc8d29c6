import { expect, test } from "@playwright/test";

/** Issue 14, row 1: a callbackUrl that a browser reads as another host never leaves the desk after sign-in. */
const OFF_SITE = ["/\\evil.example/x", "//evil.example/x", "https://evil.example/x", "/.//evil.example/x", "/\t/evil.example/x"];

test.describe("[SECURITY] sign-in redirect", () => {
  for (const callbackUrl of OFF_SITE) {
    test(`callbackUrl ${JSON.stringify(callbackUrl)} lands on the desk`, async ({ page, baseURL }) => {
      const offSite: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).hostname.includes("evil.example")) offSite.push(request.url());
      });
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email", { exact: true }).fill("rep@demo.orderdesk");
      await page.getByLabel("Password", { exact: true }).fill("orderdesk");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page).toHaveURL(/\/orders$/);
      expect(offSite).toEqual([]);
    });
  }

  test("a same-origin callbackUrl is kept, query included", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/customers?q=a")}`);
    await page.getByLabel("Email", { exact: true }).fill("rep@demo.orderdesk");
    await page.getByLabel("Password", { exact: true }).fill("orderdesk");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers\?q=a$/);
  });
});
