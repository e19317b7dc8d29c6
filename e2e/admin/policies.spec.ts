import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { LEAVES_WAREHOUSE, STEP_LABELS, type PolicyStep } from "../../src/server/fulfillment/policies/policy";
import { mutate, placeOrder, query, roomyCustomer, skusWithStock } from "../fulfillment/fixtures";

/**
 * /admin/policies: an admin edits an orchestration policy (a new version) and new orders' promise dates follow,
 * copies a policy, saves the rules; the page passes axe and fits a 1024 px screen. Every test puts back what it
 * changed (the Standard policy, the rules) so other specs see the demo set-up.
 */
test.use({ storageState: "e2e/.auth/admin.json" });

type Policy = { code: string; name: string; version: number; isDefault: boolean; steps: PolicyStep[]; updatedBy: string };
type Rule = { policyCode: string; channels: string[]; segments: string[]; categories: string[]; minTotal: number | null; maxTotal: number | null };
type OrderWithPlan = { number: string; policy: { code: string; version: number } | null; plan: { promisedDate: string } | null };

const tagOf = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

/** Clicks until something appears: the first click may land before the page hydrates. */
async function clickUntil(button: Locator, appears: Locator) {
  await expect(async () => {
    if (!(await appears.isVisible())) await button.click({ timeout: 2_000 });
    await expect(appears).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** The policy's card on the Policies tab (a region named by its heading). */
const policyCard = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function openEditor(page: Page, name: string) {
  const card = policyCard(page, name);
  const form = card.getByRole("form", { name: `Edit ${name}` });
  await clickUntil(card.getByRole("button", { name: `Edit ${name}` }), form);
  return { card, form };
}

/** Puts a policy's steps (and name) back as they were, as a new version, unless they already are. */
async function restorePolicy(request: APIRequestContext, original: Policy) {
  const current = await query<Policy>(request, "policies.get", { code: original.code });
  if (JSON.stringify(current.steps) === JSON.stringify(original.steps) && current.name === original.name) return;
  await mutate(request, "policies.save", { code: original.code, version: current.version, name: original.name, steps: original.steps });
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function expectNoPageScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page does not scroll sideways").toBeLessThanOrEqual(0);
}

test("[ADMIN] an admin edits a policy's step duration and a new order's promise date moves", async ({ page }) => {
  test.setTimeout(120_000);
  const request = page.request;
  const [s1, s2] = await skusWithStock(request, 2);
  const customer = await roomyCustomer(request);
  const tag = tagOf();

  const first = await placeOrder(request, customer, [{ sku: s1!, quantity: 2 }, { sku: s2!, quantity: 1 }], `E2E-POL-A-${tag}`);
  const before = await query<OrderWithPlan>(request, "orders.get", { number: first.number });
  expect(before.policy, `${first.number} follows a policy`).not.toBeNull();
  expect(before.plan?.promisedDate, `${first.number} has a promise date`).toBeTruthy();

  const original = await query<Policy>(request, "policies.get", { code: before.policy!.code });
  const leaves = original.steps.findIndex((s) => LEAVES_WAREHOUSE.includes(s.kind));
  expect(leaves, `${original.name} has a step before the goods leave`).toBeGreaterThan(0);
  const slowed = original.steps[leaves - 1]!;
  const label = STEP_LABELS[slowed.kind];

  try {
    await page.goto("/admin/policies");
    await expect(page.getByRole("heading", { name: "Orchestration policies", level: 1 })).toBeVisible();
    const { card, form } = await openEditor(page, original.name);
    await form.getByLabel(`${label} duration`, { exact: true }).fill("10");
    await form.getByLabel(`${label} duration unit`, { exact: true }).selectOption({ label: "business days" });
    await form.getByRole("button", { name: "Save as new version" }).click();

    await expect(card.getByRole("status")).toContainText(`Saved as version ${original.version + 1}`);
    await expect(card.getByText(`Version ${original.version + 1} · changed by`)).toBeVisible();
    await expect(card.getByRole("list", { name: `${original.name} steps` }).getByRole("listitem").nth(leaves - 1)).toContainText("10 business days");

    // The same customer again, other quantities and reference (identical lines within 24 h are flagged as a duplicate).
    const second = await placeOrder(request, customer, [{ sku: s1!, quantity: 3 }, { sku: s2!, quantity: 2 }], `E2E-POL-B-${tag}`);
    const after = await query<OrderWithPlan>(request, "orders.get", { number: second.number });
    expect(after.policy).toMatchObject({ code: original.code, version: original.version + 1 });
    expect(after.plan!.promisedDate > before.plan!.promisedDate, `promise ${after.plan!.promisedDate} later than ${before.plan!.promisedDate}`).toBe(true);

    // The first order keeps the version it started with.
    const firstAgain = await query<OrderWithPlan>(request, "orders.get", { number: first.number });
    expect(firstAgain.policy?.version).toBe(original.version);
    expect(firstAgain.plan?.promisedDate).toBe(before.plan!.promisedDate);
  } finally {
    await restorePolicy(request, original);
  }
});

test("[ADMIN] an admin copies a policy, is told when steps are invalid or someone saved first, and saves the copy", async ({ page }) => {
  const request = page.request;
  const standard = (await query<{ items: Policy[] }>(request, "policies.list", {})).items.find((p) => p.isDefault)!;
  const code = `E2E_${tagOf()}`;
  const name = `Rush ${code.slice(4)}`;

  await page.goto("/admin/policies");
  const dialog = page.getByRole("dialog", { name: `Copy ${standard.name}` });
  await clickUntil(policyCard(page, standard.name).getByRole("button", { name: `Copy ${standard.name}` }), dialog);
  // A code in use is refused, naming the field.
  await dialog.getByLabel("Code").fill(standard.code);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Copy policy" }).click();
  await expect(dialog.getByText(`a policy ${standard.code} exists already`)).toBeVisible();
  await dialog.getByLabel("Code").fill(code.toLowerCase());
  await dialog.getByRole("button", { name: "Copy policy" }).click();
  await expect(dialog).toBeHidden();

  // The copy has the source's steps at version 1, and opens for editing.
  const copy = await query<Policy>(request, "policies.get", { code });
  expect(copy).toMatchObject({ name, version: 1, isDefault: false, steps: standard.steps });
  const card = policyCard(page, name);
  const form = card.getByRole("form", { name: `Edit ${name}` });
  await expect(form).toBeVisible();
  await expect(card.getByText(code, { exact: true })).toBeVisible();

  // Pick above Reserve: the page warns, and the server's refusal names the step.
  await form.getByRole("button", { name: "Move Pick up" }).click();
  await expect(form.getByText("Fix before saving")).toBeVisible();
  await form.getByRole("button", { name: "Save as new version" }).click();
  await expect(form.getByRole("alert")).toContainText("Pick cannot come before Reserve.");
  await form.getByRole("button", { name: "Move Pick down" }).click();
  await expect(form.getByText("Fix before saving")).toBeHidden();

  // Someone else saves version 2 meanwhile: the save is refused as stale, naming who, and the page reloads theirs.
  const theirs = copy.steps.map((s) => (s.kind === "pack" ? { ...s, duration: { amount: 6, unit: "hours" as const } } : s));
  await mutate(request, "policies.save", { code, version: 1, steps: theirs });
  await form.getByLabel("Ship duration", { exact: true }).fill("2");
  await form.getByRole("button", { name: "Save as new version" }).click();
  const stale = form.getByRole("alert").filter({ hasText: "changed since you opened it" });
  await expect(stale).toContainText(`version 2 by ${copy.updatedBy}`);
  await stale.getByRole("button", { name: "Reload latest" }).click();
  await expect(card.getByText("Version 2 · changed by")).toBeVisible();
  const reloaded = card.getByRole("form", { name: `Edit ${name}` });
  await expect(reloaded.getByLabel("Pack duration", { exact: true })).toHaveValue("6");
  await reloaded.getByLabel("Ship duration", { exact: true }).fill("2");
  await reloaded.getByLabel("Ship owner", { exact: true }).selectOption({ label: "Manager" });
  await reloaded.getByRole("button", { name: "Save as new version" }).click();
  await expect(card.getByRole("status")).toContainText("Saved as version 3");

  const saved = await query<Policy>(request, "policies.get", { code });
  expect(saved.steps.find((s) => s.kind === "ship")).toEqual({ kind: "ship", duration: { amount: 2, unit: "hours" }, owner: "manager" });
  expect(saved.steps.find((s) => s.kind === "pack")?.duration).toEqual({ amount: 6, unit: "hours" });
});

test("[ADMIN] an admin adds, orders and saves policy rules; a rule without conditions above another is refused", async ({ page }) => {
  const request = page.request;
  const original = await query<{ items: Rule[] }>(request, "policies.rules", {});
  const n = original.items.length;
  try {
    await page.goto("/admin/policies?tab=rules");
    const rules = page.getByRole("list", { name: "Rules, first match wins" }).or(page.getByText(/^No rules:/));
    await expect(rules).toBeVisible();
    const added = page.getByRole("listitem", { name: `Rule ${n + 1}`, exact: true });
    await clickUntil(page.getByRole("button", { name: "Add rule" }), added);

    await page.getByLabel(`Rule ${n + 1}: Orders matching all conditions follow`).selectOption({ label: "Drop-ship" });
    if (n > 0) {
      // Without conditions and above another rule, it would hide that rule: the server refuses, naming the rule.
      await added.getByRole("button", { name: `Move rule ${n + 1} up` }).click();
      await expect(page.getByText(`Rule ${n} has no conditions`)).toBeVisible();
      await page.getByRole("button", { name: "Save rules" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "The rules were not saved" })).toContainText(`Rule ${n}: a rule without conditions matches every order`);
      await page.getByRole("button", { name: `Move rule ${n} down` }).click();
    }

    const rule = page.getByRole("listitem", { name: `Rule ${n + 1}`, exact: true });
    await rule.getByRole("button", { name: /Channels/ }).click();
    await page.getByRole("menuitemcheckbox", { name: "EDI" }).click();
    await page.getByRole("menuitemcheckbox", { name: "API" }).click();
    await page.keyboard.press("Escape");
    await expect(rule.getByRole("button", { name: /Channels/ })).toContainText("EDI, API");
    await rule.getByLabel(`Rule ${n + 1}: order total from (dollars)`).fill("2,500.50");
    await page.getByRole("button", { name: "Save rules" }).click();
    await expect(page.getByText(`Rules saved: ${n + 1} rules`)).toBeVisible();

    const saved = await query<{ items: Rule[] }>(request, "policies.rules", {});
    expect(saved.items.slice(0, n)).toEqual(original.items);
    expect(saved.items[n]).toEqual({ policyCode: "DROP_SHIP", channels: ["edi", "api"], segments: [], categories: [], minTotal: 250050, maxTotal: null });

    await page.reload();
    await expect(page.getByLabel(`Rule ${n + 1}: order total from (dollars)`)).toHaveValue("2500.50");
  } finally {
    await mutate(request, "policies.saveRules", { rules: original.items });
  }
});

test("[ADMIN] an admin adds a region to the transit grid and saves it", async ({ page }) => {
  const request = page.request;
  type Transit = { warehouse: string; region: string; days: number };
  const original = await query<{ items: Transit[] }>(request, "policies.transitTimes", {});
  const region = `Z${tagOf().slice(-3)}`;
  try {
    await page.goto("/admin/policies?tab=transit");
    const cell = page.getByLabel("New region from EAST: business days");
    await clickUntil(page.getByRole("button", { name: "Add region" }), page.getByLabel("Region code").last());
    await expect(page.getByLabel("Region code").last()).toBeFocused();
    await page.keyboard.type(region.toLowerCase());
    await expect(cell).toBeHidden();
    await page.getByLabel(`${region} from EAST: business days`).fill("7");
    await page.getByRole("button", { name: "Save transit times" }).click();
    await expect(page.getByText("Transit times saved")).toBeVisible();
    const saved = await query<{ items: Transit[] }>(request, "policies.transitTimes", {});
    expect(saved.items).toContainEqual(expect.objectContaining({ warehouse: "EAST", region, days: 7 }));
    expect(saved.items).toHaveLength(original.items.length + 1);
  } finally {
    await mutate(request, "policies.saveTransitTimes", { times: original.items.map(({ warehouse, region, days }) => ({ warehouse, region, days })) });
  }
});

test("[ADMIN] the policies page passes axe, fits 1024 px and is keyboard usable", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/admin/policies");
  const standard = (await query<{ items: Policy[] }>(page.request, "policies.list", {})).items.find((p) => p.isDefault)!;
  await expect(policyCard(page, standard.name).getByText("Default")).toBeVisible();
  await expectNoPageScroll(page);
  await expectAccessible(page);

  // Editing: a step moves with the keyboard and keeps the focus; Cancel leaves the policy as it was.
  const { form } = await openEditor(page, standard.name);
  await expectNoPageScroll(page);
  await expectAccessible(page);
  const packUp = form.getByRole("button", { name: "Move Pack up" });
  await packUp.focus();
  await page.keyboard.press("Enter");
  await expect(packUp).toBeFocused();
  await expect(form.getByRole("row").nth(2)).toContainText("Pack");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toBeHidden();
  expect((await query<Policy>(page.request, "policies.get", { code: standard.code })).version).toBe(standard.version);

  await page.goto("/admin/policies?tab=rules");
  await expect(page.getByRole("button", { name: "Save rules" })).toBeVisible();
  await expectNoPageScroll(page);
  await expectAccessible(page);

  await page.goto("/admin/policies?tab=transit");
  await expect(page.getByRole("table", { name: "Business days in transit by region and warehouse" })).toBeVisible();
  await expect(page.getByLabel("Any other region from EAST: business days")).toBeVisible();
  await expectNoPageScroll(page);
  await expectAccessible(page);
});

test.describe("as a manager", () => {
  test.use({ storageState: "e2e/.auth/manager.json" });

  test("[ADMIN] a manager reads the policies, rules and transit times without controls to change them", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Orchestration policies/ }).click();
    await expect(page.getByRole("heading", { name: "Orchestration policies", level: 1 })).toBeVisible();
    await expect(page.getByText("Read-only: only admins change policies")).toBeVisible();
    await expect(page.getByRole("list", { name: /steps$/ }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await page.getByRole("link", { name: "Rules", exact: true }).click();
    await expect(page.getByRole("table", { name: "Policy rules" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save rules" })).toHaveCount(0);
    await page.getByRole("link", { name: "Transit times", exact: true }).click();
    await expect(page.getByRole("table", { name: "Business days in transit by region and warehouse" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  });
});
