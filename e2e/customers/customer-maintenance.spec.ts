import { expect, test } from "@playwright/test";
import { freshCustomer } from "../billing/fixtures";

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

test.describe("as a rep", () => {
  test.use({ storageState: "e2e/.auth/rep.json" });

  test("opens a new account in the browser: refused fields are named, then the customer's page shows what was entered", async ({ page }) => {
    const code = `E2E-NEW-${tag()}`;
    await page.goto("/customers");
    await page.getByRole("link", { name: "New customer" }).click();
    await expect(page.getByRole("heading", { name: "New customer" })).toBeVisible();
    // A rep does not set the credit limit: the form says what that means.
    await expect(page.getByText("orders go on credit hold until finance sets one")).toBeVisible();

    const form = page.getByRole("form", { name: "New customer" });
    await form.getByLabel("Code", { exact: true }).fill("no spaces");
    await form.getByLabel("E-mail", { exact: true }).fill("buyer-at-example");
    await form.getByRole("button", { name: "Create customer" }).click();
    await expect(form.getByText("Letters, digits, '.', '_' and '-'", { exact: true })).toBeVisible();
    await expect(form.getByText("Name is required")).toBeVisible();
    await expect(form.getByText("Not an e-mail address")).toBeVisible();
    await expect(form.getByText("Street is required")).toBeVisible();

    await form.getByLabel("Code", { exact: true }).fill(code);
    await form.getByLabel("Name").fill(`Harbor Hardware ${code}`);
    await form.getByLabel("Segment").selectOption({ label: "Contractor" });
    await form.getByLabel("E-mail", { exact: true }).fill("buyer@harbor.example");
    await form.getByLabel("Billing e-mail").fill("ap@harbor.example");
    await form.getByLabel("Phone").fill("+1 201 555 0142");
    const billing = form.getByRole("group", { name: "Billing address" });
    await billing.getByLabel("Street").fill("12 Harbor Blvd");
    await billing.getByLabel("City").fill("Bayonne");
    await billing.getByLabel("Region").fill("NJ");
    await billing.getByLabel("Postal code").fill("07002");
    await billing.getByLabel("Country").fill("us");
    await form.getByLabel("Ships to the billing address").uncheck();
    const shipping = form.getByRole("group", { name: "Shipping address" });
    await shipping.getByLabel("Street").fill("3 Dock St");
    await shipping.getByLabel("City").fill("Elizabeth");
    await shipping.getByLabel("Postal code").fill("07201");
    await shipping.getByLabel("Country").fill("US");
    await form.getByRole("button", { name: "Create customer" }).click();

    await expect(page).toHaveURL(new RegExp(`/customers/${code}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Harbor Hardware ${code}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "ap@harbor.example" })).toBeVisible();
    await expect(page.getByText("12 Harbor Blvd")).toBeVisible();
    await expect(page.getByText("3 Dock St")).toBeVisible();
    // The same code twice is refused under the field.
    await page.goto("/customers/new");
    await form.getByLabel("Code", { exact: true }).fill(code);
    await form.getByLabel("Name").fill("Duplicate");
    const again = form.getByRole("group", { name: "Billing address" });
    await again.getByLabel("Street").fill("1 Main St");
    await again.getByLabel("City").fill("Newark");
    await again.getByLabel("Postal code").fill("07102");
    await again.getByLabel("Country").fill("US");
    await form.getByRole("button", { name: "Create customer" }).click();
    await expect(form.getByText("is already used by another customer")).toBeVisible();
  });

  test("a caller new to us: from order entry, an account is opened and the order is entered for it", async ({ page }) => {
    const code = `E2E-CALL-${tag()}`;
    await page.goto("/orders/new");
    await page.getByRole("link", { name: "New to us? Open an account" }).click();
    const form = page.getByRole("form", { name: "New customer" });
    await form.getByLabel("Code", { exact: true }).fill(code);
    await form.getByLabel("Name").fill(`Walk-in Builders ${code}`);
    const billing = form.getByRole("group", { name: "Billing address" });
    await billing.getByLabel("Street").fill("5 Canal St");
    await billing.getByLabel("City").fill("Newark");
    await billing.getByLabel("Region").fill("NJ");
    await billing.getByLabel("Postal code").fill("07102");
    await billing.getByLabel("Country").fill("US");
    await form.getByRole("button", { name: "Create customer" }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/new\\?customer=${code}$`));
    await expect(page.getByText(`Walk-in Builders ${code}`).first()).toBeVisible();
  });

  test("edits a customer's billing e-mail and ship-to; a second tab's older copy is refused rather than undoing it", async ({ page, context, playwright, baseURL }) => {
    // Opened by a manager (with a credit limit, which a rep does not set).
    const manager = await playwright.request.newContext({ baseURL, storageState: "e2e/.auth/manager.json" });
    const customer = await freshCustomer(manager, "EDIT");
    await manager.dispose();
    const editUrl = `/customers/${encodeURIComponent(customer.code)}/edit`;
    const other = await context.newPage();
    await other.goto(editUrl);
    await page.goto(`/customers/${encodeURIComponent(customer.code)}`);
    await page.getByRole("link", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: `Edit ${customer.name}` });
    await form.getByLabel("Billing e-mail").fill("payables@e2e.example");
    await form.getByLabel("Ships to the billing address").uncheck();
    const shipping = form.getByRole("group", { name: "Shipping address" });
    await shipping.getByLabel("Street").fill("77 Warehouse Row");
    await form.getByRole("button", { name: "Save customer" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${customer.code}$`));
    await expect(page.getByRole("link", { name: "payables@e2e.example" })).toBeVisible();
    await expect(page.getByText("77 Warehouse Row")).toBeVisible();

    const stale = other.getByRole("form", { name: `Edit ${customer.name}` });
    await stale.getByLabel("Phone").fill("+1 973 555 0100");
    await stale.getByRole("button", { name: "Save customer" }).click();
    await expect(stale.getByText(/changed since you opened it/)).toBeVisible();
    await other.close();
  });
});

test.describe("as finance", () => {
  test.use({ storageState: "e2e/.auth/finance.json" });

  test("sets a customer's credit limit with a reason", async ({ page }) => {
    const customer = await freshCustomer(page.request, "CREDIT");
    await page.goto(`/customers/${encodeURIComponent(customer.code)}`);
    await page.getByRole("button", { name: "Credit limit" }).click();
    const dialog = page.getByRole("dialog", { name: `Credit limit of ${customer.name}` });
    await dialog.getByLabel(/New limit/).fill("60,000");
    await dialog.getByRole("button", { name: "Set limit" }).click();
    await expect(dialog.getByText("Say why the limit changes")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Annual credit review");
    await dialog.getByRole("button", { name: "Set limit" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("$60,000.00", { exact: true })).toBeVisible();
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("archives a customer (it leaves the list, shows under Archived) and restores it", async ({ page }) => {
    const customer = await freshCustomer(page.request, "GONE");
    await page.goto(`/customers/${encodeURIComponent(customer.code)}`);
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive customer" }).click();
    await expect(page.getByText("Archived: no new orders or quotes can be entered")).toBeVisible();

    await page.goto(`/customers?search=${customer.code}`);
    await expect(page.getByText("No customers match")).toBeVisible();
    await page.goto(`/customers?search=${customer.code}&status=archived`);
    await page.getByRole("link", { name: customer.name }).click();
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByText("Archived: no new orders or quotes can be entered")).toBeHidden();
    await page.goto(`/customers?search=${customer.code}`);
    await expect(page.getByRole("link", { name: customer.name })).toBeVisible();
  });
});
