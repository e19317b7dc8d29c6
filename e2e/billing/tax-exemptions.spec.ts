import { expect, test, type Page } from "@playwright/test";
import { contextAs, mutate, placeOrder, skusWithStock } from "../fulfillment/fixtures";
import { freshCustomer } from "./fixtures";

/**
 * Sales tax exemption certificates: finance records one on the customer's page, an order shipped to its state
 * is not taxed (and says which certificate), an expired one is taxed (and says why) and order entry warns.
 * Customers are fresh ones (billed and shipped in NJ); the certificates' dates are relative to today.
 */
test.use({ storageState: "e2e/.auth/finance.json" });

const DAY = 86_400_000;
/** YYYY-MM-DD `days` from today in the company's time zone (New York), as the desk counts days. */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toLocaleDateString("en-CA", { timeZone: "America/New_York" });

/** Opens the order's page and the first line's explanation; answers the explanation's text. */
async function explanationOf(page: Page, number: string) {
  await page.goto(`/orders/${number}`);
  await page.getByRole("button", { name: "Line 1: why this price?" }).click();
  return page.getByRole("region", { name: "Why this price: line 1" });
}

const taxRow = (page: Page) => page.locator("dt", { hasText: /^Tax$/ }).first().locator("xpath=following-sibling::dd[1]");

test("[BILLING] finance adds an exemption certificate on the customer's page; an order shipped to that state has no tax and names it", async ({ page, browser }) => {
  const customer = await freshCustomer(page.request, "EXEMPT");
  await page.goto(`/customers/${encodeURIComponent(customer.code)}`);
  const certificates = page.getByRole("region", { name: "Tax exemption certificates" });
  await expect(certificates.getByText("None on file")).toBeVisible();

  await certificates.getByRole("button", { name: "Add certificate" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a tax exemption certificate" });
  const number = `RX-${Date.now().toString(36).toUpperCase()}`;
  await dialog.getByLabel("Certificate number").fill(number);
  await dialog.getByLabel("Region").selectOption("NJ");
  await dialog.getByLabel("Issued on").fill(dayFromToday(-400));
  // An expiry before the issue date: refused by the server, under the field.
  await dialog.getByLabel("Expires on").fill(dayFromToday(-500));
  await dialog.getByRole("button", { name: "Add certificate" }).click();
  await expect(dialog.getByText("The expiry date cannot be before the issue date")).toBeVisible();
  await dialog.getByLabel("Expires on").fill(dayFromToday(700));
  await dialog.getByRole("button", { name: "Add certificate" }).click();
  await expect(dialog).toBeHidden();

  const row = certificates.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("NJ, US");
  await expect(row.getByText("Valid", { exact: true })).toBeVisible();
  await expect(page.getByText("Exempt: NJ")).toBeVisible();
  for (const [width, height] of [[1024, 768], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`customer-certificates-${width}.png`), fullPage: true });
  }

  const rep = await contextAs(browser, "rep");
  try {
    const [sku] = await skusWithStock(rep.request, 1);
    const order = await placeOrder(rep.request, customer.code, [{ sku: sku!, quantity: 2 }], `E2E-EXEMPT-${Date.now()}`);
    const why = await explanationOf(page, order.number);
    await expect(taxRow(page)).toHaveText("$0.00");
    await expect(why).toContainText(`Tax exempt: certificate ${number} for NJ`);
  } finally {
    await rep.close();
  }
});

test("[BILLING] an expired certificate: order entry warns, the order is taxed and says why; finance removes it", async ({ page, browser }) => {
  const customer = await freshCustomer(page.request, "LAPSED");
  const number = `RX-OLD-${Date.now().toString(36).toUpperCase()}`;
  const expiresOn = dayFromToday(-3);
  await mutate(page.request, "customers.addTaxExemption", { code: customer.code, certificateNumber: number, region: "NJ", issuedOn: dayFromToday(-800), expiresOn });

  const rep = await contextAs(browser, "rep");
  try {
    const entry = await rep.newPage();
    await entry.goto("/orders/new");
    await entry.getByRole("combobox", { name: "Customer", exact: true }).fill(customer.code);
    await entry.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first().click();
    const panel = entry.getByRole("complementary", { name: "Account summary" });
    await expect(panel.getByTestId("exemption-warning")).toHaveText(`Exemption certificate ${number} for NJ expired on ${expiresOn}: this order is taxed.`);
    await expect(panel.getByTestId("panel-tax")).toHaveText("Taxable");

    const [sku] = await skusWithStock(rep.request, 1);
    const order = await placeOrder(rep.request, customer.code, [{ sku: sku!, quantity: 2 }], `E2E-LAPSED-${Date.now()}`);
    const why = await explanationOf(page, order.number);
    await expect(taxRow(page)).not.toHaveText("$0.00");
    await expect(why).toContainText(`Exemption certificate ${number} expired on ${expiresOn}`);
    await expect(why).toContainText(/Tax 6\.625% for \w+ goods in NJ/);
  } finally {
    await rep.close();
  }

  await page.goto(`/customers/${encodeURIComponent(customer.code)}`);
  const certificates = page.getByRole("region", { name: "Tax exemption certificates" });
  await expect(certificates.getByRole("row").filter({ hasText: number }).getByText("Expired")).toBeVisible();
  await certificates.getByRole("button", { name: `Remove certificate ${number} (NJ)` }).click();
  await page.getByRole("dialog", { name: `Remove certificate ${number}?` }).getByRole("button", { name: "Remove certificate" }).click();
  await expect(certificates.getByText("None on file")).toBeVisible();
});

test("[BILLING] a rep sees the certificates but may not add or remove them", async ({ browser }) => {
  const rep = await contextAs(browser, "rep");
  try {
    const page = await rep.newPage();
    await page.goto("/customers/C-10001");
    await expect(page.getByRole("heading", { name: "Tax exemption certificates" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add certificate" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove certificate/ })).toHaveCount(0);
  } finally {
    await rep.close();
  }
});
