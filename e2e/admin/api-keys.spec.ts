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

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  const refused = await request.get("/api/v1/warehouses", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});

test("[ADMIN] the API reference is browsable and the OpenAPI document is served", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(Object.keys((await doc.json()).paths)).toContain("/stock/adjustments");
  await page.goto("/api/docs");
  await expect(page.getByText("Orderdesk API").first()).toBeVisible();
  await expect(page.getByText("/stock/adjustments").first()).toBeVisible();
});
