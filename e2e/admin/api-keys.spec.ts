import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/admin.json" });

test("[ADMIN] an admin creates an API key, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await page.goto("/admin/api-keys");
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  // Bad input names the field.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText(/Name is required/).first()).toBeVisible();

  const name = `web shop ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption("manager");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByLabel("New API key");
  await expect(shown).toBeVisible();
  const key = await shown.inputValue();
  expect(key).toMatch(/^od_/);
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active")).toBeVisible();

  const ok = await request.get("/api/v1/warehouses", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const missing = await request.get("/api/v1/customers/NO-SUCH-CUSTOMER", { headers: { authorization: `Bearer ${key}` } });
  expect(missing.status()).toBe(404);

  // Its request log: the two calls, newest first.
  await row.getByRole("button", { name: "Requests" }).click();
  const log = page.getByRole("dialog").getByRole("table", { name: "Requests" });
  await expect(log.getByRole("row")).toHaveCount(3);
  await expect(log.getByRole("row").nth(1)).toContainText("/customers/NO-SUCH-CUSTOMER");
  await expect(log.getByRole("row").nth(1)).toContainText("404");
  await expect(log.getByRole("row").nth(2)).toContainText("GET/warehouses200");
  await expect(page.getByRole("dialog")).toContainText("2 calls, 1 failed");
  await page.keyboard.press("Escape");

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  const refused = await request.get("/api/v1/warehouses", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});

test("[ADMIN] a read-only key with a last day reads and changes nothing", async ({ page, request }) => {
  await page.goto("/admin/api-keys");
  const name = `reporting ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption("manager");
  await page.getByLabel("Access").selectOption("read");
  await page.getByLabel("Last day (optional)").fill("2099-12-31");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Read-only");
  await expect(row).toContainText("Dec 31, 2099");
  await expect(row.getByText("Active")).toBeVisible();

  const headers = { authorization: `Bearer ${key}` };
  expect((await request.get("/api/v1/customers", { headers })).status()).toBe(200);
  const refused = await request.post("/api/v1/warehouses", { headers, data: { code: "RO", name: "Read-only", address: { line1: "1 A St", city: "B", region: "NJ", postalCode: "07102", country: "US" } } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
});

test("[ADMIN] two keys created in a row: the list follows and never says it could not load the keys", async ({ page }) => {
  // The message could flash between two checks: a watcher in the page remembers whether it ever appeared.
  await page.addInitScript(() => {
    const w = window as unknown as { keysErrorSeen?: string };
    new MutationObserver(() => {
      const text = document.body?.innerText ?? "";
      if (!w.keysErrorSeen && text.includes("Could not load the keys")) w.keysErrorSeen = text.slice(text.indexOf("Could not load the keys"), text.indexOf("Could not load the keys") + 200);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/api/trpc/") && response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/admin/api-keys");
  await expect(page.getByRole("table", { name: "API keys" })).toBeVisible();

  const names = [`first ${Date.now()}`, `second ${Date.now()}`];
  for (const name of names) {
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByLabel("New API key")).toBeVisible();
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("Active")).toBeVisible();
  }
  for (const name of names) await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { keysErrorSeen?: string }).keysErrorSeen ?? null)).toBeNull();
  expect(failures).toEqual([]);
});

test("[ADMIN] the API reference is browsable and the OpenAPI document is served", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(Object.keys((await doc.json()).paths)).toContain("/stock/adjustments");
  await page.goto("/api/docs");
  await expect(page.getByText("Orderdesk API").first()).toBeVisible();
  // Tags start closed (the document is large); opening one shows its operations.
  await page.getByRole("link", { name: "stock", exact: true }).click({ timeout: 30_000 });
  await expect(page.getByText("/stock/adjustments").first()).toBeVisible();
});
