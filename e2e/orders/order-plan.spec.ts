import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { contextAs, mutate, placeOrder, query, roomyCustomer, skusWithStock } from "../fulfillment/fixtures";

/**
 * An order's orchestration plan: the Plan on the order page (policy, promise, steps as they happen), each line's
 * promise date, and the promise preview in order entry. Orders are made through the API with quantities and a
 * reference of their own, so the duplicate-order rule never holds them.
 */
test.use({ storageState: "e2e/.auth/rep.json" });

type PlanStep = { kind: string; label: string; state: "done" | "current" | "pending"; by: string | null; plannedEnd: string };
type PlannedOrder = {
  number: string;
  policy: { code: string; name: string; version: number; chosenBy: string } | null;
  steps: PlanStep[];
  plan: { promisedDate: string; current: string | null; lines: { lineNo: number; sku: string; promisedDate: string }[] } | null;
};

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
/** 2–9 units: two runs never place identical lines. */
const someUnits = () => 2 + Math.floor(Math.random() * 8);

const planSection = (page: Page) => page.getByRole("region", { name: "Plan", exact: true });
const step = (page: Page, kind: string): Locator => planSection(page).getByRole("list", { name: "Plan steps" }).locator(`li[data-step="${kind}"]`);

/** The signed-in user's display name (the timeline and the plan name people). */
async function nameOf(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { name?: string } };
  expect(session.user?.name, "a signed-in user").toBeTruthy();
  return session.user!.name!;
}

async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("[ORDERS] the order page shows its progress", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const [s1, s2] = await skusWithStock(page.request, 2);
  const customer = await roomyCustomer(page.request);
  const placed = await placeOrder(page.request, customer, [{ sku: s1!, quantity: someUnits() }, { sku: s2!, quantity: someUnits() }], `E2E-PLAN-${tag()}`);
  const order = await query<PlannedOrder>(page.request, "orders.get", { number: placed.number });
  expect(order.policy, `${placed.number} follows a policy`).not.toBeNull();
  expect(order.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(["reserve", "pick"]));

  await page.goto(`/orders/${placed.number}`);
  const plan = planSection(page);
  await expect(plan).toBeVisible();
  await expect(plan.getByTestId("plan-policy")).toContainText(order.policy!.name);
  await expect(plan.getByTestId("plan-policy")).toContainText(`v${order.policy!.version}`);
  await expect(plan.getByTestId("plan-promised").locator("time")).toHaveAttribute("datetime", order.plan!.promisedDate);

  // Everything was reserved at submission: Reserve is done, Pick is the step in progress with its planned end.
  await expect(step(page, "reserve")).toHaveAttribute("data-state", "done");
  await expect(step(page, "reserve")).toContainText("Done");
  await expect(step(page, "pick")).toHaveAttribute("aria-current", "step");
  await expect(step(page, "pick")).toContainText("In progress");
  await expect(step(page, "pick")).toContainText("Planned");
  await expect(step(page, "pick").locator("time").first()).toHaveAttribute("datetime", new Date(order.steps.find((s) => s.kind === "pick")!.plannedEnd).toISOString());
  await expect(step(page, "pack")).toHaveAttribute("data-state", "pending");

  // Each line shows its own promise date.
  const lines = page.getByRole("table", { name: "Order lines" });
  for (const promise of order.plan!.lines) {
    const row = lines.getByRole("row").filter({ has: page.getByRole("link", { name: promise.sku, exact: true }) });
    await expect(row.locator('[data-cell="line-promise"] time')).toHaveAttribute("datetime", promise.promisedDate);
  }
  await expectAccessible(page, "section[aria-labelledby=plan-heading]");

  // The warehouse plans and picks the order's shipment through the API.
  const warehouse = await contextAs(browser, "warehouse");
  const picker = await nameOf(warehouse.request);
  const planned = await mutate<{ shipments: { number: string }[] }>(warehouse.request, "fulfillment.plan", { number: placed.number, warehouse: "EAST" });
  expect(planned.shipments).toHaveLength(1);
  await mutate(warehouse.request, "fulfillment.pick", { id: planned.shipments[0]!.number, lines: [] });
  await warehouse.close();

  await page.reload();
  await expect(step(page, "pick")).toHaveAttribute("data-state", "done");
  await expect(step(page, "pick")).toContainText("Done");
  await expect(step(page, "pick")).toContainText(`by ${picker}`);
  await expect(step(page, "pack")).toHaveAttribute("aria-current", "step");
});

test("[ORDERS] order entry shows a promise date per line before submitting", async ({ page }) => {
  const [s1, s2] = await skusWithStock(page.request, 2);
  const customer = await roomyCustomer(page.request);
  await page.goto("/orders/new");
  const customerField = page.getByRole("combobox", { name: "Customer", exact: true });
  await customerField.fill(customer);
  await page.getByRole("listbox", { name: "Matching accounts" }).getByRole("option").first().click();
  await expect(page.getByRole("complementary", { name: "Account summary" }).getByText("Available credit")).toBeVisible();

  for (const [index, sku] of [s1!, s2!].entries()) {
    const line = index + 1;
    if (line > 1) await page.getByRole("button", { name: "Add line" }).click();
    const skuField = page.getByRole("combobox", { name: `SKU, line ${line}`, exact: true });
    await skuField.fill(sku);
    await expect(page.getByRole("listbox", { name: `Products for line ${line}` }).getByRole("option").first()).toBeVisible();
    await skuField.press("Enter");
    await page.getByRole("textbox", { name: `Quantity, line ${line}`, exact: true }).fill(String(someUnits()));
  }

  // Each line gets its promise date, the order its own, with the policy it would follow — all before submitting.
  for (const line of [1, 2]) {
    await expect(page.locator(`tr[data-line="${line}"]`).getByTestId("line-promise")).toContainText(/Promised \w+/);
  }
  const promise = page.getByRole("region", { name: "Promise", exact: true });
  await expect(promise.getByTestId("entry-promised-date")).toBeVisible();
  await expect(promise.getByTestId("entry-policy")).toContainText(/v\d+/);
  await expect(promise).not.toHaveAttribute("aria-busy", "true");

  // The dates are the server's preview for these lines.
  const preview = await query<{ promisedDate: string | null; policy: { name: string } }>(page.request, "policies.promisePreview", {
    customer,
    channel: "phone",
    lines: [
      { sku: s1!, quantity: Number(await page.getByRole("textbox", { name: "Quantity, line 1", exact: true }).inputValue()) },
      { sku: s2!, quantity: Number(await page.getByRole("textbox", { name: "Quantity, line 2", exact: true }).inputValue()) },
    ],
  });
  await expect(promise.getByTestId("entry-policy")).toContainText(preview.policy.name);
  expect(preview.promisedDate).not.toBeNull();
});
