import { expect, test } from "@playwright/test";

const SIDEBAR: Record<string, string[]> = {
  rep: ["Orders", "Exceptions", "Inventory", "Invoices", "Returns", "Customers", "Products"],
  warehouse: ["Orders", "Exceptions", "Inventory", "Fulfillment", "Returns", "Products"],
  finance: ["Orders", "Exceptions", "Inventory", "Invoices", "Returns", "Customers", "Products", "Reports"],
  manager: ["Orders", "Exceptions", "Inventory", "Fulfillment", "Invoices", "Returns", "Customers", "Products", "Reports", "Admin"],
  admin: ["Orders", "Exceptions", "Inventory", "Fulfillment", "Invoices", "Returns", "Customers", "Products", "Reports", "Admin"],
};
const ALL_AREAS = SIDEBAR.admin!;

for (const [role, areas] of Object.entries(SIDEBAR)) {
  test.describe(`[SHELL] ${role}`, () => {
    test.use({ storageState: `e2e/.auth/${role}.json` });

    test(`sees exactly the ${role} sidebar, with name and role`, async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const area of ALL_AREAS) {
        const link = nav.getByRole("link", { name: area, exact: true });
        if (areas.includes(area)) await expect(link).toBeVisible();
        else await expect(link).toHaveCount(0);
      }
      await expect(nav.getByText(`${role}@demo.orderdesk`).or(nav.getByText(/Riley|Wes|Fran|Morgan|Ada/))).toBeVisible();
      await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  });
}

test.describe("[SHELL] refusals", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("a rep is refused the admin area with a 403 page", async ({ page }) => {
    const response = await page.goto("/admin/api-keys");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });
});

test.describe("[SHELL] signed out", () => {
  test("a signed-out visitor is sent to sign-in and comes back after", async ({ page }) => {
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill("rep@demo.orderdesk");
    await page.getByLabel("Password").fill("orderdesk");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  });

  test("a wrong password says so and stays on sign-in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("finance@demo.orderdesk");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("warehouse@demo.orderdesk");
    await page.getByLabel("Password").fill("orderdesk");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/inventory");
    await expect(page).toHaveURL(/\/login/);
  });
});
