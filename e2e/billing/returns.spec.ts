import { expect, test, type Page } from "@playwright/test";
import { contextAs, openDialog, query } from "../fulfillment/fixtures";
import { approveAsManager, openBalanceInAccountPanel, shippedInvoicedOrder } from "./returns-fixtures";

/**
 * Returns and credit notes (issue "Order to cash"): a rep opens a return (RMA) on a shipped, invoiced
 * order from its page, the warehouse receives it on the RMA's page (restock, credit note issued), the
 * credit note appears on the order and the customer's open balance in order entry drops by it.
 * The order is placed and shipped through the app's API; everything the rep and the warehouse do on
 * the return goes through the pages.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });
const amountOf = async (locator: ReturnType<Page["locator"]>) => Number(await locator.locator("[data-amount]").first().getAttribute("data-amount"));

test("[BILLING] a rep opens a return, the warehouse receives it, the credit note appears on the order and the customer's balance drops", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const warehouse = await contextAs(browser, "warehouse");
  const order = await shippedInvoicedOrder(page.request, warehouse.request);
  // Return one unit of the cheaper SKU: below the approval value, it is approved at once.
  const line = [...order.lines].sort((a, b) => (a.lineTotal + a.tax) / a.quantity - (b.lineTotal + b.tax) / b.quantity)[0]!;

  // The customer's balance before, as the rep sees it in order entry (the shipment's invoice is in it).
  const before = await openBalanceInAccountPanel(page, order.customer);
  expect(before).toBeGreaterThan(0);

  // The order page: invoiced, nothing returned yet.
  await page.goto(`/orders/${order.number}`);
  const invoices = page.getByRole("table", { name: `Invoices of ${order.number}` });
  await expect(invoices.getByRole("link", { name: /^INV-\d+$/ })).toHaveCount(1);
  await expect(page.getByRole("region", { name: /^Returns/ })).toContainText("No returns.");

  // Open a return: more than may come back is refused on the line, then one unit with a reason.
  const dialog = await openDialog(page, page.getByRole("button", { name: "Open return" }), `Open a return for ${order.number}`);
  const quantity = dialog.getByRole("spinbutton", { name: `Return ${line.sku}` });
  await quantity.fill(String(line.quantity + 1));
  await dialog.getByRole("combobox", { name: `Reason for ${line.sku}` }).selectOption({ index: 1 });
  await dialog.getByRole("button", { name: "Open return" }).click();
  await expect(quantity).toHaveAttribute("aria-invalid", "true");
  await expect(quantity).toHaveAccessibleDescription(`At most ${line.quantity} can still come back`);
  await quantity.fill("1");
  await expect(quantity).not.toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("combobox", { name: `What happens to ${line.sku}` })).toHaveValue("restock");
  await dialog.getByLabel("Notes").fill("Arrived damaged (e2e)");
  await dialog.getByRole("button", { name: "Open return" }).click();
  await expect(page).toHaveURL(/\/returns\/RMA-\d+$/);
  const rma = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(rma);
  await expect(toast(page, `${rma} opened for 1 unit of ${order.number}`)).toBeVisible();
  const lines = page.getByRole("table", { name: `Lines of ${rma}` });
  await expect(lines.getByRole("row").filter({ hasText: line.sku })).toContainText("Restock");
  if ((await page.getByRole("group", { name: "Status" }).textContent())?.includes("Needs approval")) {
    // Priced above the approval value: a manager approves it first.
    const manager = await contextAs(browser, "manager");
    await approveAsManager(manager.request, rma);
    await manager.close();
  }

  // The warehouse receives it: the confirmation says what happens, then the credit note is there.
  const desk = await warehouse.newPage();
  await desk.goto(`/returns/${rma}`);
  await expect(desk.getByRole("group", { name: "Status" })).toContainText("Approved");
  const receive = await openDialog(desk, desk.getByRole("button", { name: "Receive" }), `Receive ${rma}?`);
  await expect(receive.getByTestId("receive-summary")).toHaveText(`Restock 1 × ${line.sku} to EAST.`);
  await expect(receive).toContainText("credit note");
  await receive.getByRole("button", { name: "Receive and credit" }).click();
  await expect(toast(desk, `${rma} received: 1 unit`)).toBeVisible();
  await expect(desk.getByRole("group", { name: "Status" })).toContainText("Received");
  const banner = desk.getByTestId("return-banner");
  await expect(banner).toContainText(/Credit note CN-\d+/);
  const creditNote = /CN-\d+/.exec((await banner.textContent())!)![0];
  await warehouse.close();

  // The rep's order page lists the credit note and the received return; the timeline says so.
  await page.goto(`/orders/${order.number}`);
  const notes = page.getByRole("table", { name: `Credit notes of ${order.number}` });
  const noteRow = notes.getByRole("row").filter({ hasText: creditNote });
  await expect(noteRow.getByRole("link", { name: creditNote })).toHaveAttribute("href", `/invoices/credit-notes/${creditNote}`);
  await expect(noteRow.getByRole("link", { name: rma })).toBeVisible();
  const credited = await amountOf(noteRow.getByRole("cell").nth(3));
  expect(credited).toBeGreaterThan(0);
  const returns = page.getByRole("table", { name: `Returns of ${order.number}` });
  await expect(returns.getByRole("row").filter({ hasText: rma })).toContainText("Received");
  await expect(returns.getByRole("row").filter({ hasText: rma })).toContainText(creditNote);
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText(`${rma} received: 1 unit, 1 restocked`)).toBeVisible();
  await expect(timeline.locator("[data-event-type=credit_note_issued]")).toHaveCount(1);
  const note = await query<{ total: number; order: string }>(page.request, "creditNotes.get", { number: creditNote });
  expect(note).toMatchObject({ total: credited, order: order.number });

  // The customer's open balance dropped by exactly the credit note (applied to the order's open invoice).
  const rep = await contextAs(browser, "rep");
  const after = await openBalanceInAccountPanel(await rep.newPage(), order.customer);
  expect(after).toBe(before - credited);
  await rep.close();
});
