import { gzipSync } from "node:zlib";
import { getOpenApiJson } from "~/server/api/rest";

export const dynamic = "force-dynamic";

let gzipped: Buffer | undefined;

/** The OpenAPI document: serialized once, and compressed once for clients that take gzip (most do). */
export function GET(req: Request) {
  const json = getOpenApiJson();
  const headers = { "content-type": "application/json", vary: "accept-encoding", "cache-control": "no-cache" };
  if (!/\bgzip\b/.test(req.headers.get("accept-encoding") ?? "")) return new Response(json, { headers });
  gzipped ??= gzipSync(json);
  return new Response(new Uint8Array(gzipped), { headers: { ...headers, "content-encoding": "gzip" } });
}
