import { expect, test } from "@playwright/test";

/** Issue 14, rows 9 and 11: /api/trpc takes mutations only as same-origin JSON, and batches up to 20 calls. */
test.describe("[SECURITY] tRPC requests", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("a cross-site form POST to a mutation is refused and runs nothing", async ({ request, baseURL }) => {
    const before = await request.get("/api/trpc/replenishment.overview?input=%7B%7D");
    const form = await request.post("/api/trpc/replenishment.run", {
      multipart: { note: "x" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(form.status()).toBe(403);
    const urlencoded = await request.post("/api/trpc/replenishment.run", {
      form: { note: "x" },
      headers: { origin: new URL(baseURL!).origin },
    });
    expect(urlencoded.status()).toBe(415);
    expect((await urlencoded.json()).error.message).toBe("Changes must be sent as application/json.");
    const multipart = await request.post("/api/trpc/replenishment.run", { multipart: { note: "x" } });
    expect(multipart.status()).toBe(415);
    const crossSiteJson = await request.post("/api/trpc/replenishment.run", {
      data: {},
      headers: { origin: "https://evil.example" },
    });
    expect(crossSiteJson.status()).toBe(403);
    if (before.ok()) {
      const after = await request.get("/api/trpc/replenishment.overview?input=%7B%7D");
      expect(await after.text()).toBe(await before.text());
    }
  });

  test("the browser's own same-origin JSON mutation reaches the procedure", async ({ page }) => {
    await page.goto("/orders");
    // orders.cancel with no input: the procedure's schema answers 400, so the request got past the door's checks.
    const answer = await page.evaluate(async () => {
      const response = await fetch("/api/trpc/orders.cancel?batch=1", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ 0: {} }),
      });
      return { status: response.status, body: await response.text() };
    });
    expect(answer.status, answer.body).toBe(400);
    expect(answer.body).not.toContain("Orderdesk's own pages");
  });

  test("a batch of 200 calls is refused with a clear message, 20 are answered", async ({ request }) => {
    const batch = (size: number) => {
      const paths = Array.from({ length: size }, () => "orders.list").join(",");
      const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, {}]));
      return request.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    };
    const big = await batch(200);
    expect(big.status()).toBe(400);
    expect((await big.json()).error.message).toBe("A batch may hold at most 20 calls; this one holds 200. Send them in smaller batches.");
    const ok = await batch(20);
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toHaveLength(20);
  });
});
