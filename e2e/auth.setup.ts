import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test as setup } from "@playwright/test";
import { ROLES } from "../src/server/auth/roles";

/** Signs in once per demo user and saves the session for the specs: e2e/.auth/<role>.json. */
const authDir = fileURLToPath(new URL("./.auth/", import.meta.url));
fs.mkdirSync(authDir, { recursive: true });

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    // The first sign-in may wait for the database to finish booting.
    setup.setTimeout(180_000);
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(`${role}@demo.orderdesk`);
    await page.getByLabel("Password", { exact: true }).fill("orderdesk");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 150_000 });
    await expect(page).not.toHaveURL(/\/login/);
    await page.context().storageState({ path: `${authDir}${role}.json` });
  });
}
