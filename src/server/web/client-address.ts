import type { IncomingMessage } from "node:http";

/**
 * The TCP peer's address, written by the server on every request (recordPeerAddresses): a client cannot set it.
 * Next.js itself keeps a client-sent X-Forwarded-For and gives route handlers no socket.
 */
export const PEER_ADDRESS_HEADER = "x-orderdesk-peer";

/**
 * The client's address for limits and logs. With no trusted proxies it is the socket's peer; behind N proxies
 * (TRUSTED_PROXIES=N, each appending to X-Forwarded-For) it is the address the outermost proxy saw, N hops back
 * from the peer. Entries further left were written by the client and are never believed.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  // Without the peer header (a server that did not record it) Next's own X-Forwarded-For entry is the best there is.
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return "unknown";
  // An IPv4 client on a dual-stack socket shows as ::ffff:203.0.113.9: count and show it as the IPv4 address.
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Puts each HTTP request's socket address into PEER_ADDRESS_HEADER before Next.js sees the request, replacing
 * whatever the client sent under that name. Called once at server start (src/instrumentation.ts).
 */
export async function recordPeerAddresses(): Promise<void> {
  const http = await import("node:http");
  const prototype = http.Server.prototype as unknown as { emit: Emit; __orderdeskPeer?: true };
  if (prototype.__orderdeskPeer) return;
  const emit = prototype.emit;
  prototype.emit = function (this: unknown, event, ...args) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  };
  prototype.__orderdeskPeer = true;
}
