import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Issue 15: every desk page works on an office laptop. Each page is opened at 1024×768 (and the key pages at
 * 1366×768 and 1440×900) and must:
 *   - not scroll sideways (the document is no wider than the window);
 *   - have no visible control lying on top of another (or covered by something else where it is clicked);
 *   - show every table column it renders without a sideways scroll: narrow screens hide secondary columns
 *     (display: none) instead of pushing the key ones (number, status, amount, actions) out of view;
 *   - keep the page title readable (not squeezed or overlapped by the header's actions);
 *   - have no serious or critical axe violations.
 * Detail pages are reached through the first link their list page shows, so no demo number is written here.
 * With SHOTS_DIR set, a screenshot of every page is saved there (for a person to look at; nothing compares them).
 */
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ mode: "parallel" });

type Size = { width: number; height: number };
const LAPTOP: Size = { width: 1024, height: 768 };

/** A page to open directly, or the first link matching `from` on a page opened before it in the group. */
type Stop = { path: string } | { from: RegExp; name: string };

/**
 * The open orders, largest first: the order reached from here has the most lines (promise dates, several
 * warehouses, long names) and a timeline of status changes (Draft → Submitted → Open), where a fresh draft has none.
 */
const LARGEST_OPEN_ORDERS = "/orders?status=open&sort=total&direction=desc";

const GROUPS: Record<string, Stop[]> = {
  "orders, quotes and customers": [
    { path: LARGEST_OPEN_ORDERS },
    { from: /^\/orders\/SO-[^/?#]+$/, name: "an order" },
    { path: "/orders" },
    { path: "/orders/new" },
    { path: "/quotes" },
    { from: /^\/orders\/Q[^/?#]*$/, name: "a quote" },
    { path: "/customers" },
    { from: /^\/customers\/(?!new$)[^/?#]+$/, name: "a customer" },
    { from: /^\/customers\/[^/?#]+\/edit$/, name: "a customer's editor" },
    { from: /^\/customers\/[^/?#]+\/statement$/, name: "a customer statement" },
    { path: "/customers/new" },
  ],
  "inventory, products and purchasing": [
    { path: "/inventory" },
    { from: /^\/inventory\/(?!replenishment$|transfers$)[^/?#]+$/, name: "a SKU's stock" },
    { path: "/inventory/replenishment" },
    { path: "/inventory/transfers" },
    { path: "/products" },
    { from: /^\/products\/(?!new$)[^/?#]+$/, name: "a product" },
    { from: /^\/products\/[^/?#]+\/edit$/, name: "a product's editor" },
    { path: "/products/new" },
    { path: "/purchasing" },
    { from: /^\/purchasing\/(?!new$|vendors$)[^/?#]+$/, name: "a purchase order" },
    { from: /^\/purchasing\/[^/?#]+\/edit$/, name: "a draft purchase order's editor" },
    { path: "/purchasing/new" },
    { path: "/purchasing/vendors" },
    { from: /^\/purchasing\/vendors\/[^/?#]+$/, name: "a vendor" },
  ],
  "fulfillment and invoices": [
    { path: "/fulfillment" },
    { path: "/invoices" },
    { from: /^\/invoices\/(?!credit-notes$|journal$|payments$|receivables$)[^/?#]+$/, name: "an invoice" },
    // Shipments and pick lists are linked from the invoice page.
    { from: /^\/fulfillment\/shipments\/[^/?#]+$/, name: "a shipment" },
    { from: /^\/fulfillment\/pick-lists\/[^/?#]+$/, name: "a pick list" },
  ],
  "credit notes, payments, receivables and returns": [
    { path: "/invoices/credit-notes" },
    { from: /^\/invoices\/credit-notes\/[^/?#]+$/, name: "a credit note" },
    { path: "/invoices/payments" },
    { from: /^\/invoices\/payments\/[^/?#]+$/, name: "a payment" },
    { path: "/invoices/receivables" },
    { path: "/invoices/journal" },
    { path: "/returns" },
    { from: /^\/returns\/[^/?#]+$/, name: "a return" },
  ],
  "exceptions, reports and admin": [
    { path: "/exceptions" },
    { path: "/exceptions/dashboard" },
    { path: "/reports" },
    // The admin index links every admin page (new ones join the sweep by themselves).
    { path: "/admin" },
    { from: /^\/admin\/[^/?#]+$/, name: "every admin page" },
  ],
};

/**
 * Problems found by this sweep and not fixed yet: reported as annotations on the test instead of failing it, so
 * the sweep guards every other page meanwhile. Remove an entry when its page is fixed (none left from issue 15).
 */
const KNOWN: RegExp[] = [];

function withoutKnown(problems: string[]): string[] {
  const known = problems.filter((problem) => KNOWN.some((pattern) => pattern.test(problem)));
  for (const problem of known) test.info().annotations.push({ type: "known layout problem", description: problem });
  return problems.filter((problem) => !known.includes(problem));
}

/** Pages that are not linked from a list in a fresh demo: opened when found, not required. */
const OPTIONAL = new Set(["a credit note", "a payment", "a shipment", "a pick list", "a quote", "a draft purchase order's editor"]);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(LAPTOP);
});

for (const [group, stops] of Object.entries(GROUPS)) {
  test(`[LAYOUT] ${group} fit 1024×768 and pass axe`, async ({ page }) => {
    // ~12 pages with axe each; generous for a loaded CI machine.
    test.setTimeout(240_000);
    const seen = new Set<string>();
    for (const stop of stops) {
      let paths: string[];
      if ("path" in stop) paths = [stop.path];
      else {
        const matching = [...seen].filter((href) => stop.from.test(href));
        if (matching.length === 0) {
          if (!OPTIONAL.has(stop.name)) expect.soft([], `a link to ${stop.name} (${stop.from}) on the pages before it`).not.toEqual([]);
          continue;
        }
        // "every admin page": all of them; otherwise the first one found.
        paths = stop.name.startsWith("every") ? matching : [matching[0]!];
      }
      for (const p of paths) {
        await open(page, p);
        for (const href of await linksOn(page)) seen.add(href);
        // Soft: one run lists every page's problems.
        expect.soft(withoutKnown(await layoutProblems(page, p)), `${p} at 1024×768`).toEqual([]);
        await shot(page, p, LAPTOP);
      }
    }
  });
}

test("[LAYOUT] order entry, an order and the order list fit 1366×768 and 1440×900", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, LARGEST_OPEN_ORDERS);
  const order = (await linksOn(page)).find((href) => /^\/orders\/SO-[^/?#]+$/.test(href));
  expect(order, "the order list links an order").toBeTruthy();
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    for (const p of ["/orders", order!, "/orders/new"]) {
      await open(page, p);
      expect.soft(withoutKnown(await layoutProblems(page, p, { axe: false })), `${p} at ${size.width}×${size.height}`).toEqual([]);
      await shot(page, p, size);
    }
  }
});

test("[LAYOUT] the sidebar collapses to icons by keyboard, names as tooltips, remembered after a reload", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, "/orders");
  const nav = page.getByRole("navigation", { name: "Main" });
  const orders = nav.getByRole("link", { name: "Orders", exact: true });
  const width = async () => (await nav.boundingBox())!.width;
  expect(await width(), "names shown at 1440 px by default").toBeGreaterThan(200);

  const collapse = nav.getByRole("button", { name: "Collapse sidebar" });
  await collapse.focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("button", { name: "Expand sidebar" })).toBeFocused();
  await expect.poll(width, { message: "icons only" }).toBeLessThan(80);
  // The name stays the link's name and shows as a tooltip on keyboard focus.
  await orders.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(orders.getByText("Orders", { exact: true })).toHaveCSS("opacity", "1");

  await page.reload();
  await expect.poll(width, { message: "still icons after a reload" }).toBeLessThan(80);
  await nav.getByRole("button", { name: "Expand sidebar" }).click();
  await expect.poll(width).toBeGreaterThan(200);

  // Without a choice the sidebar is icons only below 1440 px; the choice made above (expanded) wins.
  await page.context().clearCookies({ name: "desk-sidebar" });
  await page.setViewportSize(LAPTOP);
  await page.reload();
  await expect.poll(width, { message: "icons only at 1024 px by default" }).toBeLessThan(80);
});

async function open(page: Page, p: string) {
  const response = await page.goto(p);
  expect(response?.status(), `${p} answers`).toBeLessThan(400);
  await expect(page.locator("main h1").first(), `${p} shows its heading`).toBeVisible();
  // Client-side queries fill the page after the first paint; measure the settled page.
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main [aria-busy=true], main [data-slot=skeleton]")).toHaveCount(0);
}

async function linksOn(page: Page): Promise<string[]> {
  return page.locator("main a[href^='/']").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

async function layoutProblems(page: Page, p: string, { axe = true } = {}): Promise<string[]> {
  const problems = await page.evaluate(findLayoutProblems);
  if (axe) {
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      problems.push(`axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
    }
  }
  return problems.map((problem) => `${p}: ${problem}`);
}

/** Runs in the page: the layout rules above, as readable sentences naming the elements. */
function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const doc = document.scrollingElement ?? document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    const wide = [...document.querySelectorAll<HTMLElement>("main *")]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && !insideScroller(el))
      .slice(0, 3)
      .map(describe);
    problems.push(`the page scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth}px): ${wide.join(", ")}`);
  }

  function describe(el: Element): string {
    const label = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    const id = el.id ? `#${el.id}` : "";
    return `<${el.tagName.toLowerCase()}${id}${label ? ` "${label}"` : ""}>`;
  }
  function scrollsSideways(el: Element): boolean {
    const style = getComputedStyle(el);
    return /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
  }
  function insideScroller(el: Element): boolean {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (/(auto|scroll)/.test(style.overflowX) || /(auto|scroll)/.test(style.overflowY)) return true;
    }
    return false;
  }
  /** A sticky or fixed bar (order entry's Submit bar) floats over the content scrolling beneath it by design. */
  function floats(el: Element): boolean {
    for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
      if (/^(sticky|fixed)$/.test(getComputedStyle(a).position)) return true;
    }
    return false;
  }
  function visible(el: Element): boolean {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false; // sr-only and collapsed things
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && Number(style.opacity) > 0;
  }

  // The page header: its title keeps a readable width and nothing lies on it (many actions wrap instead).
  const title = document.querySelector("main [data-slot=page-header] h1");
  if (title && visible(title)) {
    const block = title.parentElement!.getBoundingClientRect();
    if (block.width < 200) problems.push(`the page title is squeezed to ${Math.round(block.width)}px by the header's actions`);
    for (const action of document.querySelectorAll("main [data-slot=page-header] :is(a[href], button, [role=combobox])")) {
      const r = action.getBoundingClientRect();
      const t = title.getBoundingClientRect();
      if (visible(action) && Math.min(r.right, t.right) - Math.max(r.left, t.left) > 2 && Math.min(r.bottom, t.bottom) - Math.max(r.top, t.top) > 2) {
        problems.push(`${describe(action)} overlaps the page title`);
      }
    }
  }

  // Tables: no column pushed out of view behind a sideways scroll.
  for (const table of document.querySelectorAll("main table")) {
    if (!visible(table)) continue;
    let scroller: Element | null = table.parentElement;
    while (scroller && scroller !== document.body && !scrollsSideways(scroller)) scroller = scroller.parentElement;
    if (!scroller || scroller === document.body) continue;
    const edge = scroller.getBoundingClientRect().right;
    const hidden = [...table.querySelectorAll("thead th")]
      .filter((th) => visible(th) && th.getBoundingClientRect().right > edge + 1)
      .map((th) => (th as HTMLElement).innerText.trim() || th.getAttribute("aria-label") || "(no header text)");
    const name = table.getAttribute("aria-label") ?? table.querySelector("caption")?.textContent ?? "a table";
    problems.push(`table "${name}" scrolls sideways; out of view: ${hidden.join(", ")}`);
  }

  // Controls: none on top of another, none covered where it would be clicked.
  const controls = [
    ...document.querySelectorAll<HTMLElement>(
      "main :is(a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=combobox], [role=tab], [role=checkbox], [role=switch])",
    ),
  ].filter((el) => visible(el) && !insideScroller(el) && !floats(el) && !el.closest("[aria-hidden=true], [inert]"));
  const boxes = controls.map((el) => el.getBoundingClientRect());
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i]!;
      const b = controls[j]!;
      if (a.contains(b) || b.contains(a)) continue;
      // A label's own control (a checkbox inside its label) is one target.
      if (a.closest("label") && a.closest("label") === b.closest("label")) continue;
      const x = Math.min(boxes[i]!.right, boxes[j]!.right) - Math.max(boxes[i]!.left, boxes[j]!.left);
      const y = Math.min(boxes[i]!.bottom, boxes[j]!.bottom) - Math.max(boxes[i]!.top, boxes[j]!.top);
      if (x > 2 && y > 2) problems.push(`${describe(a)} overlaps ${describe(b)}`);
    }
  }
  const view = { width: doc.clientWidth, height: window.innerHeight };
  for (const [i, el] of controls.entries()) {
    const r = boxes[i]!;
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    if (cx < 0 || cy < 60 || cx > view.width || cy > view.height) continue; // off screen or under the sticky top bar
    const hit = document.elementFromPoint(cx, cy);
    if (!hit || el.contains(hit) || hit.contains(el) || floats(hit)) continue;
    if (hit.closest("label") && hit.closest("label") === el.closest("label")) continue;
    const labels = (el as HTMLInputElement).labels;
    if (labels && [...labels].some((label) => label.contains(hit))) continue;
    problems.push(`${describe(el)} is covered by ${describe(hit)}`);
  }
  return problems;
}

async function shot(page: Page, p: string, size: Size) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const name = p.replace(/^\//, "").replace(/[^\w-]+/g, "_") || "home";
  await page.screenshot({ path: path.join(dir, `${name}-${size.width}x${size.height}.png`), fullPage: true });
}
