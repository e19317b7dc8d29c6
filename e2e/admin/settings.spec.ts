import { expect, test } from "@playwright/test";

/**
 * Admin → Settings: an admin adds a "Hospitals" segment, a taken code is refused under its field, the new
 * segment is offered in the price list form, and once archived it is not. The segment's code is unique per run,
 * and it ends archived, so other journeys never see it offered.
 */
test.use({ storageState: "e2e/.auth/admin.json" });

test("[SETTINGS] an admin adds a segment, price lists offer it, and archiving takes it off the form", async ({ page }) => {
  test.setTimeout(90_000);
  const tag = `${Date.now().toString(36)}`;
  const name = `Hospitals ${tag}`;
  const code = `hospitals-${tag}`;

  await page.goto("/admin");
  await page.getByRole("link", { name: /Settings/ }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  const segments = page.getByRole("region", { name: "Segments" });
  await expect(segments.getByRole("table", { name: "Segments" }).getByRole("row", { name: /Wholesale/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Units" }).getByRole("row", { name: /Kilogram/ })).toContainText("KGM");

  // A code that is taken is refused under the field; then the new one is added.
  const dialog = page.getByRole("dialog", { name: "Add a segment" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await segments.getByRole("button", { name: "Add segment" }).click({ timeout: 2_000 });
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Code").fill("wholesale");
  await dialog.getByRole("button", { name: "Add segment" }).click();
  await expect(dialog.getByText("a segment with code 'wholesale' already exists")).toBeVisible();
  await dialog.getByLabel("Code").fill(code);
  await dialog.getByRole("button", { name: "Add segment" }).click();
  await expect(dialog).toBeHidden();
  const row = segments.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(code);
  await expect(row).toContainText("Active");

  // The price list form offers it by name.
  await page.goto("/admin/pricing?tab=price-lists");
  await page.getByRole("button", { name: "New price list" }).first().click();
  const editor = page.getByRole("dialog", { name: "New price list" });
  await editor.getByLabel("For", { exact: true }).selectOption("segment");
  await expect(editor.getByLabel("Segment", { exact: true }).getByRole("option", { name })).toHaveCount(1);
  await editor.getByLabel("Segment", { exact: true }).selectOption(code);
  await page.keyboard.press("Escape");

  // Archived (after a confirmation): shown as archived, no longer offered.
  await page.goto("/admin/settings");
  await page.getByRole("region", { name: "Segments" }).getByRole("button", { name: `Archive ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Archive the segment ${name}?` });
  await confirm.getByRole("button", { name: "Archive segment" }).click();
  await expect(page.getByRole("region", { name: "Segments" }).getByRole("row", { name: new RegExp(name) })).toContainText("Archived");

  await page.goto("/admin/pricing?tab=price-lists");
  await page.getByRole("button", { name: "New price list" }).first().click();
  await page.getByRole("dialog", { name: "New price list" }).getByLabel("For", { exact: true }).selectOption("segment");
  const options = page.getByRole("dialog", { name: "New price list" }).getByLabel("Segment", { exact: true }).getByRole("option");
  await expect(options.filter({ hasText: "Wholesale" })).toHaveCount(1);
  await expect(options.filter({ hasText: name })).toHaveCount(0);
});

test("[SETTINGS] pages name segments, units and tax categories by the admin's names, not their codes", async ({ page }) => {
  await page.goto("/customers?segment=wholesale");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByText(/ · Wholesale · demand class /)).toBeVisible();

  await page.goto("/products");
  const firstUnit = page.getByRole("table", { name: "Products" }).getByRole("row").nth(1).getByRole("cell").nth(3);
  await expect(firstUnit).toHaveText(/^[A-Z][a-z]/); // "Each", "Box", "Kilogram"…, not "each"
  await page.getByRole("table", { name: "Products" }).getByRole("row").nth(1).getByRole("link").first().click();
  // Named ("Standard"), not the code ("standard").
  await expect(page.getByText("Tax category", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText(/^[A-Z]/);
});
