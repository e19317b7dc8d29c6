import { describe, expect, it } from "vitest";
import { batchSizeOf, checkTrpcRequest, MAX_TRPC_BATCH_SIZE, ownOrigins } from "./trpc-request";

const BASE = "http://127.0.0.1:3000";
const ENDPOINT = "/api/trpc";

function post(headers: Record<string, string>, path = "replenishment.run") {
  return new Request(`${BASE}${ENDPOINT}/${path}`, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers }, body: "{}" });
}

describe("checkTrpcRequest: mutations", () => {
  it("lets the app's own JSON mutations through", () => {
    expect(checkTrpcRequest(post({ "content-type": "application/json", origin: BASE, "sec-fetch-site": "same-origin" }), ENDPOINT)).toBeNull();
    expect(checkTrpcRequest(post({ "content-type": "application/json; charset=utf-8" }), ENDPOINT)).toBeNull();
  });

  it.each(["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", ""])(
    "refuses %j with 415",
    (contentType) => {
      const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
      expect(checkTrpcRequest(post(headers), ENDPOINT)).toMatchObject({ status: 415 });
    },
  );

  it("refuses a cross-site or same-site browser request with 403", () => {
    expect(checkTrpcRequest(post({ "content-type": "application/json", "sec-fetch-site": "cross-site" }), ENDPOINT)).toMatchObject({ status: 403 });
    expect(checkTrpcRequest(post({ "content-type": "application/json", "sec-fetch-site": "same-site" }), ENDPOINT)).toMatchObject({ status: 403 });
    expect(checkTrpcRequest(post({ "content-type": "application/json", origin: "https://evil.example" }), ENDPOINT)).toMatchObject({ status: 403 });
    expect(checkTrpcRequest(post({ "content-type": "application/json", origin: "null" }), ENDPOINT)).toMatchObject({ status: 403 });
    expect(checkTrpcRequest(post({ "content-type": "application/json", origin: "http://127.0.0.1:3001" }), ENDPOINT)).toMatchObject({ status: 403 });
  });

  it("refuses a cross-site form before looking at its content type", () => {
    const form = post({ "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(checkTrpcRequest(form, ENDPOINT)).toMatchObject({ status: 403 });
  });

  it("takes the origin a TLS proxy in front names", () => {
    const request = post({ "content-type": "application/json", origin: "https://desk.example.com", "x-forwarded-proto": "https", "x-forwarded-host": "desk.example.com" });
    expect(ownOrigins(request)).toContain("https://desk.example.com");
    expect(checkTrpcRequest(request, ENDPOINT)).toBeNull();
  });

  it("leaves queries (GET) to tRPC", () => {
    const request = new Request(`${BASE}${ENDPOINT}/orders.list?input=%7B%7D`, { headers: { "sec-fetch-site": "cross-site" } });
    expect(checkTrpcRequest(request, ENDPOINT)).toBeNull();
  });
});

describe("checkTrpcRequest: batches", () => {
  const batch = (size: number, method = "GET") =>
    new Request(`${BASE}${ENDPOINT}/${Array.from({ length: size }, () => "orders.list").join(",")}?batch=1`, {
      method,
      ...(method === "POST" ? { headers: { "content-type": "application/json" }, body: "{}" } : {}),
    });

  it("counts the calls of a batch", () => {
    expect(batchSizeOf(batch(3), ENDPOINT)).toBe(3);
    expect(batchSizeOf(new Request(`${BASE}${ENDPOINT}/a,b`), ENDPOINT)).toBe(1);
  });

  it(`takes ${MAX_TRPC_BATCH_SIZE} calls, refuses more with a message that says the limit`, () => {
    expect(checkTrpcRequest(batch(MAX_TRPC_BATCH_SIZE), ENDPOINT)).toBeNull();
    const refusal = checkTrpcRequest(batch(200), ENDPOINT);
    expect(refusal).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(refusal?.message).toBe(`A batch may hold at most ${MAX_TRPC_BATCH_SIZE} calls; this one holds 200. Send them in smaller batches.`);
    expect(checkTrpcRequest(batch(MAX_TRPC_BATCH_SIZE + 1, "POST"), ENDPOINT)).toMatchObject({ status: 400 });
  });
});
