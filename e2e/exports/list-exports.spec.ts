import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";

/**
 * Export CSV on the list pages (issue 16): the link carries the page's filters to the streamed export
 * (/api/v1/exports/{list}.csv) and the browser saves the whole list, not just the page. Read-only.
 */
test.use({ storageState: "e2e/.auth/finance.json" });

async function exportFrom(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", newline: "\r\n", skipEmptyLines: true }).data;
  return { name: download.suggestedFilename(), header: rows[0]!, rows: rows.slice(1) };
}

test.describe("[EXPORTS] list pages export CSV", () => {
  test("[EXPORTS] products: every product, more than the page shows", async ({ page }) => {
    await page.goto("/products");
    const onPage = await page.getByRole("table", { name: "Products" }).locator("tbody tr").count();
    const csv = await exportFrom(page);
    expect(csv.name).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.header.slice(0, 3)).toEqual(["sku", "name", "category"]);
    expect(csv.rows.length).toBeGreaterThanOrEqual(onPage);
    expect(new Set(csv.rows.map((r) => r[0])).size).toBe(csv.rows.length);
  });

  test("[EXPORTS] invoices: the status filter on screen is the export's", async ({ page }) => {
    await page.goto("/invoices?status=paid");
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/v1/exports/invoices.csv?status=paid");
    const csv = await exportFrom(page);
    expect(csv.name).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
    const status = csv.header.indexOf("status");
    expect(csv.rows.length).toBeGreaterThan(0);
    for (const row of csv.rows) {
      expect(row[status]).toBe("paid");
      expect(row[csv.header.indexOf("issue_date")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

test.describe("[EXPORTS] finance, purchasing, stock and exception lists export CSV", () => {
  test("[EXPORTS] payments and credit notes: the whole list with its filters, money as decimals", async ({ page }) => {
    await page.goto("/invoices/payments?unallocated=true");
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/v1/exports/payments.csv?unallocated=true");
    const payments = await exportFrom(page);
    expect(payments.name).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
    const unallocated = payments.header.indexOf("unallocated");
    for (const row of payments.rows) expect(Number(row[unallocated])).toBeGreaterThan(0);

    await page.goto("/invoices/credit-notes");
    const notes = await exportFrom(page);
    expect(notes.name).toMatch(/^credit-notes-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(notes.rows.length).toBeGreaterThan(0);
    for (const row of notes.rows) expect(row[notes.header.indexOf("total")]).toMatch(/^-?\d+\.\d{2}$/);
  });

  test.describe("as a manager", () => {
    test.use({ storageState: "e2e/.auth/manager.json" });

    test("[EXPORTS] stock: one row per SKU and warehouse of the filtered grid", async ({ page }) => {
      await page.goto("/inventory?warehouse=EAST");
      const stock = await exportFrom(page);
      expect(stock.name).toMatch(/^stock-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(stock.header.slice(0, 5)).toEqual(["sku", "name", "category", "warehouse", "status"]);
      expect(stock.rows.length).toBeGreaterThan(0);
      for (const row of stock.rows) expect(row[3]).toBe("EAST");
    });

    test("[EXPORTS] purchase orders and exceptions follow the page's filters", async ({ page }) => {
      await page.goto("/purchasing?status=received");
      const pos = await exportFrom(page);
      expect(pos.name).toMatch(/^purchase-orders-\d{4}-\d{2}-\d{2}\.csv$/);
      for (const row of pos.rows) expect(row[pos.header.indexOf("status")]).toBe("received");

      await page.goto("/exceptions");
      const queue = await exportFrom(page);
      expect(queue.name).toMatch(/^exceptions-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(queue.header).toContain("reason");
    });
  });
});
