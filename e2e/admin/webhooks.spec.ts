import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/admin.json", viewport: { width: 1024, height: 768 } });

type Hit = { headers: http.IncomingHttpHeaders; body: string };

test("[ADMIN] an admin subscribes a receiver, sends a test ping, sees it delivered in the log and resends it", async ({ page }) => {
  // A receiver on a free local port, as another system would run one.
  const hits: Hit[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orderdesk/${Date.now()}`;
  try {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Webhooks/ }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    // Bad input names the field.
    await page.getByLabel("URL").fill("ftp://nowhere");
    await page.getByRole("button", { name: "Create subscription" }).click();
    await expect(page.getByText(/http:\/\/ or https:\/\//).first()).toBeVisible();

    await page.getByLabel("URL").fill(url);
    await page.getByLabel("order.canceled").check();
    await page.getByRole("button", { name: "Create subscription" }).click();
    const shown = page.getByRole("textbox", { name: "Signing secret" });
    await expect(shown).toBeVisible();
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Done" }).click();

    const row = page.getByRole("row", { name: new RegExp(url) });
    await expect(row).toContainText("3 events");
    await expect(row.getByText("Active")).toBeVisible();
    // The row's actions fit a 1024-pixel screen.
    const ping = row.getByRole("button", { name: `Send test ping to ${url}` });
    await expect(ping).toBeInViewport();

    await ping.click();
    await expect(page.getByText(/Test ping delivered \(202\)/)).toBeVisible();
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit!.headers["x-orderdesk-event"]).toBe("ping");
    const expected = "sha256=" + crypto.createHmac("sha256", secret).update(`${String(hit!.headers["x-orderdesk-timestamp"])}.${hit!.body}`).digest("hex");
    expect(hit!.headers["x-orderdesk-signature"]).toBe(expected);

    await row.getByRole("button", { name: "Deliveries" }).click();
    const log = page.getByRole("dialog").getByRole("table", { name: "Deliveries" });
    await expect(log.getByRole("row")).toHaveCount(2);
    await expect(log.getByRole("row").nth(1)).toContainText("ping");
    await expect(log.getByRole("row").nth(1)).toContainText("Delivered202");

    await log.getByRole("row").nth(1).getByRole("button", { name: /Resend/ }).click();
    await expect(page.getByText(/Resent: delivered \(202\)/)).toBeVisible();
    await expect(log.getByRole("row")).toHaveCount(3);
    await expect(log.getByRole("row").nth(1)).toContainText("(resend)");
    expect(hits).toHaveLength(2);
    // The same event again (its id), under a new delivery id.
    expect(JSON.parse(hits[1]!.body).id).toBe(JSON.parse(hits[0]!.body).id);
    expect(hits[1]!.headers["x-orderdesk-delivery"]).not.toBe(hits[0]!.headers["x-orderdesk-delivery"]);
    await page.keyboard.press("Escape");

    // Cleanup through the page: other specs' changes must not be sent to this receiver after it stops.
    await row.getByRole("button", { name: `More for ${url}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Delete subscription" }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
