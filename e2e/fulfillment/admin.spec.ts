import { expect, test } from "@playwright/test";

/** Carriers (admins edit, managers read) and the outbox (admins), linked from Admin. */
test.describe("[FULFILLMENT] admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("[FULFILLMENT] an admin edits a carrier's tracking link (a bad one is refused on the field) and takes it out of use and back", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Carriers/ }).click();
    await expect(page.getByRole("heading", { name: "Carriers", level: 1 })).toBeVisible();
    const row = page.getByRole("table", { name: "Carriers" }).getByRole("row").filter({ hasText: "DHL" });
    await expect(row).toContainText("{tracking}");

    const dialog = page.getByRole("dialog", { name: "Edit DHL" });
    await expect(async () => {
      if (!(await dialog.isVisible())) await row.getByRole("button", { name: "Edit DHL" }).click({ timeout: 2_000 });
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const template = dialog.getByLabel("Tracking link");
    const before = await template.inputValue();
    await template.fill("https://www.dhl.com/track");
    await dialog.getByRole("button", { name: "Save carrier" }).click();
    await expect(dialog.getByText("Put {tracking} where the tracking number goes")).toBeVisible();
    await expect(template).toHaveAttribute("aria-invalid", "true");
    await template.fill(`${before}&e2e=1`);
    await expect(dialog.getByText(/Example: https:\/\/www\.dhl\.com\/.*1Z999AA10123456784/)).toBeVisible();
    await dialog.getByRole("button", { name: "Save carrier" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("DHL saved")).toBeVisible();
    await expect(row).toContainText("&e2e=1");

    // Out of use and back (the journeys ship with UPS).
    const inUse = row.getByRole("switch", { name: "DHL in use" });
    await expect(inUse).toHaveAttribute("aria-checked", "true");
    await inUse.click();
    await expect(page.getByText("DHL taken out of use")).toBeVisible();
    await expect(inUse).toHaveAttribute("aria-checked", "false");
    await inUse.click();
    await expect(page.getByText("DHL in use again")).toBeVisible();
    await expect(inUse).toHaveAttribute("aria-checked", "true");

    // Put the link back as it was.
    await row.getByRole("button", { name: "Edit DHL" }).click();
    await dialog.getByLabel("Tracking link").fill(before);
    await dialog.getByRole("button", { name: "Save carrier" }).click();
    await expect(dialog).toBeHidden();
  });

  test("[FULFILLMENT] an admin reads the outbox, newest first, filtered by status", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Outbox/ }).click();
    await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
    // The e2e server has no SMTP_URL: the page says plainly that nothing is sent.
    await expect(page.getByRole("status").filter({ hasText: "E-mail sending is off." })).toContainText("SMTP_URL");
    // The demo's customer e-mails wait, each with its delivery columns.
    const table = page.getByRole("table", { name: "Outbox messages" });
    for (const column of ["Status", "Attempts", "Last error", "Sent"]) await expect(table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
    const confirmation = table.getByRole("row").filter({ hasText: /Order confirmation SO-/ }).first();
    await expect(confirmation).toContainText("Pending");
    await confirmation.getByRole("button", { name: /Show message/ }).click();
    await expect(page.getByText(/Thank you for your order SO-/).first()).toBeVisible();
    await page.getByLabel("Status").selectOption("sent");
    await expect(page).toHaveURL(/status=sent/);
    await expect(page.getByLabel("Status")).toHaveValue("sent");
    await expect(page.getByRole("table", { name: "Outbox messages" }).or(page.getByText("No sent messages"))).toBeVisible();
    await page.getByLabel("Status").selectOption("");
    await expect(page).not.toHaveURL(/status=/);
  });
});

test.describe("[FULFILLMENT] manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[FULFILLMENT] a manager reads the carriers but cannot edit them, and is refused the outbox", async ({ page }) => {
    await page.goto("/admin/carriers");
    await expect(page.getByText("Read-only: only admins change carriers")).toBeVisible();
    await expect(page.getByRole("table", { name: "Carriers" }).getByRole("row").filter({ hasText: "UPS" })).toContainText("In use");
    await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
    await expect(page.getByRole("switch")).toHaveCount(0);
    const response = await page.goto("/admin/outbox");
    expect(response?.status()).toBe(403);
  });
});
