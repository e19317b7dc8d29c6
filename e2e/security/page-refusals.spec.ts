import { expect, request as playwrightRequest, test } from "@playwright/test";
import { PAGE_PERMISSIONS } from "../../src/server/web/page-permissions";
import { PERMISSIONS } from "../../src/server/auth/permissions";
import { ROLES } from "../../src/server/auth/roles";

/**
 * Issue 14, row 13: every guarded desk page answers a real 403 to a role that may not see it (not a 200 with
 * the refusal streamed inside, as /inventory/replenishment did under its loading boundary).
 */
const SAMPLE: Record<string, string> = { "[code]": "C-NOPE", "[number]": "X-NOPE-1", "[sku]": "SKU-NOPE", "[id]": "00000000-0000-0000-0000-000000000000" };
const toPath = (route: string) => route.replace(/\[[a-z]+\]/g, (segment) => SAMPLE[segment]!);

const CASES = PAGE_PERMISSIONS.flatMap(([route, action]) => {
  const refused = ROLES.find((role) => !(PERMISSIONS[action] as readonly string[]).includes(role));
  return refused ? [{ route, action, role: refused }] : [];
});

test.describe("[SECURITY] guarded pages", () => {
  test(`a role without the permission gets 403 on each of ${CASES.length} pages`, async ({ baseURL }) => {
    expect(CASES.map((c) => c.route)).toContain("/inventory/replenishment");
    const contexts = new Map<string, Awaited<ReturnType<typeof playwrightRequest.newContext>>>();
    const failures: string[] = [];
    try {
      for (const { route, action, role } of CASES) {
        if (!contexts.has(role)) contexts.set(role, await playwrightRequest.newContext({ baseURL, storageState: `e2e/.auth/${role}.json` }));
        const response = await contexts.get(role)!.get(toPath(route), { maxRedirects: 0 });
        if (response.status() !== 403) failures.push(`${route} (${action}) as ${role}: ${response.status()}`);
        else expect(await response.text()).toContain("have access to this page");
      }
    } finally {
      for (const context of contexts.values()) await context.dispose();
    }
    expect(failures).toEqual([]);
  });

  test("a role that may see the page still gets it", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/warehouse.json" });
    const page = await context.newPage();
    const response = await page.goto("/inventory/replenishment");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await context.close();
  });
});
