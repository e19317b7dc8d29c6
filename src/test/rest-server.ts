import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRestHandler } from "~/server/api/rest";
import type { Db } from "~/server/db";

/**
 * Serves the REST door on a real loopback HTTP port, so integration tests talk to it with a real client.
 * The same handler runs inside Next's route; this only adapts Node's request/response to fetch's.
 */
export async function startRestServer(db: Db) {
  const handler = createRestHandler(async () => db);
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;

  /** One API call: JSON in, status and JSON out. */
  async function call(method: string, path: string, options: { key?: string; body?: unknown; rawBody?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
    const json = (text ? JSON.parse(text) : null) as any;
    return { status: response.status, headers: response.headers, body: json };
  }

  return { baseUrl, call, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
