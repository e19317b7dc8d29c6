import { NextResponse, type NextRequest } from "next/server";
import { MALFORMED_PATH_HEADER, malformedPathSegment } from "~/server/web/path-escapes";
import { contentSecurityPolicyFor, createNonce, isHttpsRequest, responseKindOf } from "~/server/web/security-headers";

/**
 * Pages, /login and the desk's downloads pass here (not the API: its bodies must reach the route handlers
 * unbuffered, and its headers are static, in next.config.js):
 * - A Content-Security-Policy with a fresh nonce per page (src/server/web/security-headers.ts), which Next
 *   reads from the request's own Content-Security-Policy header and puts on its scripts (pages are rendered
 *   per request, so each gets its own). nosniff, Referrer-Policy, frame refusal and HSTS behind HTTPS come
 *   from next.config.js, for every response.
 * - Layouts cannot see the URL, so pass it on: the desk layout sends a signed-out visitor to sign-in with the
 *   page they asked for as callbackUrl, and back there after, and refuses a page the role may not see.
 * - A path whose escapes do not decode (`/orders/%`) would fail inside Next's routing with a bare 500: a rewrite
 *   in next.config.js (run after the proxy) sends it to the not-found page, and the proxy marks the request so
 *   that page says why (src/server/web/path-escapes.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const malformed = malformedPathSegment(pathname) !== null;
  const kind = malformed ? "page" : responseKindOf(pathname);
  const isHttps = isHttpsRequest(request.url, request.headers.get("x-forwarded-proto"));
  const nonce = createNonce();
  const policy = contentSecurityPolicyFor(kind, { nonce, isHttps, isDev: process.env.NODE_ENV === "development" });

  const headers = new Headers(request.headers);
  if (kind === "page") {
    headers.set("x-orderdesk-path", pathname + search);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
  } else {
    // A download's route handler has no use for the path, and never takes one a client sent.
    headers.delete("x-orderdesk-path");
  }
  // Only the proxy says a path is malformed.
  headers.delete(MALFORMED_PATH_HEADER);
  if (malformed) headers.set(MALFORMED_PATH_HEADER, "1");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Everything but the API and Next's build output: pages, /login, downloads.
export const config = { matcher: ["/((?!api/|_next/static|_next/image).*)"] };
