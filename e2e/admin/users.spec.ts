import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { mutate } from "../fulfillment/fixtures";

/**
 * Issue 14, row 5: the users screen, and sessions that end when they should. An admin creates, changes, deactivates
 * and resets users here; each change is checked from the user's own browser (a second context): a new role at the
 * next page load, a deactivated user's or reset user's cookie no longer working, sign-out everywhere. A copied
 * session cookie stops working after sign-out; five wrong passwords lock the account and the form says for how
 * long. Every test works on users it creates (never a demo user: other specs rely on their sessions and passwords).
 * With SHOTS_DIR set, screenshots of the page at 1440×900 and 1024×768 are saved there.
 */
test.use({ storageState: "e2e/.auth/admin.json" });

const PASSWORD = "first-password-42";
const WRONG = "not-the-password";

type CreatedUser = { id: string; email: string; name: string; password: string };

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A user made through the admin's tRPC door (the UI's own journey is the first test). */
async function createUser(request: APIRequestContext, tag: string, role = "rep"): Promise<CreatedUser> {
  const id = unique();
  const input = { email: `e2e-${tag}-${id}@test.orderdesk`, name: `E2E ${tag} ${id}`, role, password: PASSWORD };
  const user = await mutate<{ id: string }>(request, "users.create", input);
  return { id: user.id, email: input.email, name: input.name, password: PASSWORD };
}

/** Fills in the sign-in form in a fresh load of /login and presses Sign in (no wait for the outcome). */
async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function expectSignInRefused(page: Page, email: string, password: string, message: string | RegExp = "Wrong email or password.") {
  await submitSignIn(page, email, password);
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
}

/** A browser of its own for the user under test, signed in with the form. */
async function userBrowser(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return { context, page };
}

/** Opens a desk page in the user's browser: true when it renders, false when the user was sent to sign in. */
async function expectSentToSignIn(page: Page, path = "/orders") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

function userRow(page: Page, email: string): Locator {
  return page.getByRole("row").filter({ hasText: email });
}

/** The row's cells: user, role, status, last sign-in, sessions, actions. */
const SESSIONS_CELL = 4;

async function rowAction(page: Page, user: { name: string; email: string }, item: string) {
  await userRow(page, user.email).getByRole("button", { name: `Actions for ${user.name}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function openUsers(page: Page) {
  await page.goto("/admin/users");
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("[ADMIN] users", () => {
  test("an admin creates a user who signs in; a role change applies at the user's next page load", async ({ page, browser }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /^Users\b/ }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

    // The admin's own row: "You", no role select, no deactivation.
    const own = userRow(page, "admin@demo.orderdesk");
    await expect(own.getByText("You", { exact: true })).toBeVisible();
    await expect(own.getByRole("combobox")).toHaveCount(0);
    await own.getByRole("button", { name: /^Actions for / }).click();
    await expect(page.getByRole("menuitem", { name: "Rename…" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Deactivate…" })).toHaveCount(0);
    await page.keyboard.press("Escape");

    const id = unique();
    const user = { name: `Pat Tester ${id}`, email: `e2e-new-${id}@test.orderdesk` };
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("Name").fill(user.name);
    await dialog.getByLabel("Email").fill(user.email);
    await dialog.getByLabel("Role").selectOption("rep");
    // A short password: the server's message under the password field.
    await dialog.getByLabel("Initial password").fill("short");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByText("At least 10 characters", { exact: true })).toBeVisible();
    await expect(dialog.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");

    await dialog.getByRole("button", { name: "Generate" }).click();
    const password = await dialog.getByLabel("Initial password").inputValue();
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await dialog.getByRole("button", { name: "Create user" }).click();
    const handOver = page.getByRole("dialog", { name: /^Hand over / });
    await expect(handOver.getByLabel("Password to hand over")).toHaveValue(password);
    await expect(page.getByText(`${user.name} can sign in now`)).toBeVisible();
    await handOver.getByRole("button", { name: "Done" }).click();
    await expect(handOver).toBeHidden();

    const row = userRow(page, user.email);
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await expect(row.getByLabel(`Role of ${user.name}`)).toHaveValue("rep");
    await expect(row.getByText("Never")).toBeVisible();

    // The same email again: the conflict is shown under the Email field.
    await page.getByRole("button", { name: "New user" }).click();
    await dialog.getByLabel("Name").fill("Someone Else");
    await dialog.getByLabel("Email").fill(user.email.toUpperCase());
    await dialog.getByLabel("Initial password").fill("another-password-1");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByText(/a user with email .* already exists/i)).toBeVisible();
    await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // The user signs in in a browser of their own: a rep may not open Admin.
    const them = await userBrowser(browser, { email: user.email, password });
    try {
      expect((await them.page.goto("/admin"))?.status()).toBe(403);

      await page.reload();
      await expect(row.getByRole("cell").nth(SESSIONS_CELL)).toHaveText("1");
      await expect(row.getByText("Never")).toHaveCount(0);
      await expect(row.getByText(/^(Just now|1 minute ago)$/)).toBeVisible();

      await row.getByLabel(`Role of ${user.name}`).selectOption("manager");
      await expect(page.getByText(`${user.name} is now Manager`)).toBeVisible();
      await expect(row.getByLabel(`Role of ${user.name}`)).toHaveValue("manager");
      // Their next page load: the manager opens Admin (read-only), same cookie.
      expect((await them.page.goto("/admin"))?.status()).toBe(200);
      await expect(them.page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();

      await row.getByLabel(`Role of ${user.name}`).selectOption("warehouse");
      await expect(page.getByText(`${user.name} is now Warehouse`)).toBeVisible();
      expect((await them.page.goto("/admin"))?.status()).toBe(403);
    } finally {
      await them.context.close();
    }
  });

  test("deactivating ends the user's session and refuses their sign-in; reactivating lets them in again", async ({ page, browser }) => {
    const user = await createUser(page.request, "deactivate");
    const them = await userBrowser(browser, user);
    try {
      await expect(them.page.getByRole("heading", { level: 1 })).toBeVisible();

      await openUsers(page);
      const row = userRow(page, user.email);
      await expect(row.getByRole("cell").nth(SESSIONS_CELL)).toHaveText("1");
      await rowAction(page, user, "Deactivate…");
      const confirm = page.getByRole("dialog", { name: `Deactivate ${user.name}?` });
      await expect(confirm).toContainText("1 session");
      await confirm.getByRole("button", { name: "Deactivate" }).click();
      await expect(page.getByText(`${user.name} deactivated`)).toBeVisible();
      await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
      await expect(row.getByRole("cell").nth(SESSIONS_CELL)).toHaveText("0");

      // The user's open page: the next navigation (a click in the sidebar) goes to sign-in.
      await them.page.getByRole("navigation").getByRole("link", { name: "Customers" }).first().click();
      await expect(them.page).toHaveURL(/\/login/);
      await expectSentToSignIn(them.page);
      await expectSignInRefused(them.page, user.email, user.password);

      await rowAction(page, user, "Reactivate…");
      const reactivate = page.getByRole("dialog", { name: `Reactivate ${user.name}?` });
      await reactivate.getByRole("button", { name: "Reactivate" }).click();
      await expect(page.getByText(`${user.name} reactivated`)).toBeVisible();
      await expect(row.getByText("Active", { exact: true })).toBeVisible();

      await signIn(them.page, user.email, user.password);
      await expect(them.page.getByRole("heading", { level: 1 })).toBeVisible();
    } finally {
      await them.context.close();
    }
  });

  test("a reset password replaces the old one and ends the user's sessions; sign out everywhere ends them too", async ({ page, browser }) => {
    const user = await createUser(page.request, "reset");
    const first = await userBrowser(browser, user);
    try {
      await openUsers(page);
      await rowAction(page, user, "Reset password…");
      const dialog = page.getByRole("dialog", { name: `Reset ${user.name}’s password` });
      await expect(dialog).toContainText("1 session");
      await dialog.getByRole("button", { name: "Generate" }).click();
      const newPassword = await dialog.getByLabel("New password").inputValue();
      await dialog.getByRole("button", { name: "Set password" }).click();
      await expect(page.getByText(`New password set for ${user.name}`)).toBeVisible();
      await expect(page.getByText("1 session ended.")).toBeVisible();
      const handOver = page.getByRole("dialog", { name: /^Hand over / });
      await expect(handOver.getByLabel("Password to hand over")).toHaveValue(newPassword);
      await handOver.getByRole("button", { name: "Done" }).click();

      await expectSentToSignIn(first.page);
      await expectSignInRefused(first.page, user.email, user.password);
      await signIn(first.page, user.email, newPassword);

      // Two browsers signed in; sign out everywhere ends both and says how many.
      const second = await userBrowser(browser, { email: user.email, password: newPassword });
      try {
        await page.reload();
        await expect(userRow(page, user.email).getByRole("cell").nth(SESSIONS_CELL)).toHaveText("2");
        await rowAction(page, user, "Sign out everywhere…");
        const confirm = page.getByRole("dialog", { name: `Sign ${user.name} out everywhere?` });
        await expect(confirm).toContainText("2 sessions");
        await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
        await expect(page.getByText(`${user.name} signed out of 2 sessions`)).toBeVisible();
        await expect(userRow(page, user.email).getByRole("cell").nth(SESSIONS_CELL)).toHaveText("0");
        await expectSentToSignIn(first.page);
        await expectSentToSignIn(second.page, "/customers");
      } finally {
        await second.context.close();
      }
    } finally {
      await first.context.close();
    }
  });

  test("a manager gets the 403 page at /admin/users and no Users card on Admin", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/manager.json" });
    try {
      const page = await context.newPage();
      const response = await page.goto("/admin/users");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      await page.goto("/admin");
      await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: /^Users\b/ })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test("a copied session cookie stops working once its session signs out", async ({ page, browser }) => {
    const user = await createUser(page.request, "cookie");
    const original = await userBrowser(browser, user);
    const copy = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      await copy.addCookies(await original.context.cookies());
      const copyPage = await copy.newPage();
      await copyPage.goto("/customers");
      await expect(copyPage).toHaveURL(/\/customers$/);
      await expect(copyPage.getByRole("heading", { level: 1 })).toBeVisible();

      await original.page.getByRole("button", { name: "Sign out" }).click();
      await expect(original.page).toHaveURL(/\/login/);

      await expectSentToSignIn(copyPage, "/customers");
    } finally {
      await copy.close();
      await original.context.close();
    }
  });

  test("five wrong passwords lock the account, and the sign-in form says for how long", async ({ page, browser }) => {
    const user = await createUser(page.request, "lockout");
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const them = await context.newPage();
      for (let attempt = 1; attempt <= 5; attempt++) await expectSignInRefused(them, user.email, WRONG);
      // The right password now waits out the lock too.
      await submitSignIn(them, user.email, user.password);
      const locked = them.getByRole("status").filter({ hasText: /This account is locked after too many failed sign-ins\. Try again in \d+ seconds?\./ });
      await expect(locked).toBeVisible();
      const seconds = Number(/Try again in (\d+) second/.exec((await locked.textContent()) ?? "")?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      await expect(them).toHaveURL(/\/login/);
    } finally {
      await context.close();
    }
  });

  test("the page passes axe and fits 1024×768 with its actions in view (screenshots with SHOTS_DIR)", async ({ page }) => {
    const user = await createUser(page.request, "layout", "finance");
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size);
      await openUsers(page);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, "the page does not scroll sideways").toBeLessThanOrEqual(client);
      const row = userRow(page, user.email);
      for (const control of [row.getByLabel(`Role of ${user.name}`), row.getByRole("button", { name: `Actions for ${user.name}` }), page.getByRole("button", { name: "New user" })]) {
        const box = await control.boundingBox();
        expect(box, "on screen").not.toBeNull();
        expect(box!.x + box!.width, "right edge within the window").toBeLessThanOrEqual(size.width);
      }
      await shot(page, "admin-users", size);
      if (size.width === 1440) await expectAccessible(page);

      await row.getByRole("button", { name: `Actions for ${user.name}` }).click();
      await expect(page.getByRole("menuitem", { name: "Deactivate…" })).toBeInViewport();
      await page.getByRole("menu").evaluate((menu) => Promise.all(menu.getAnimations().map((a) => a.finished)));
      await shot(page, "admin-users-menu", size);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "New user" }).click();
      const dialog = page.getByRole("dialog", { name: "New user" });
      await dialog.getByRole("button", { name: "Generate" }).click();
      await expect(dialog.getByRole("button", { name: "Create user" })).toBeInViewport();
      await dialog.evaluate((element) => Promise.all(element.getAnimations().map((a) => a.finished)));
      await shot(page, "admin-users-new-user", size);
      if (size.width === 1440) await expectAccessible(page);
      await dialog.getByRole("button", { name: "Cancel" }).click();
    }
  });
});

async function shot(page: Page, name: string, size: { width: number; height: number }) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}-${size.width}x${size.height}.png`) });
}
