/**
 * The security headers of every response (issue 14, row 8). Pure: src/proxy.ts sets them per request with a
 * fresh nonce, next.config.js sets the static ones on what the proxy does not see (/_next/static, icons).
 *
 * Pages: scripts only with this request's nonce (Next reads it from the request's Content-Security-Policy
 * header and puts it on its own scripts) plus what those load ('strict-dynamic'). Styles allow inline: React's
 * `style` attributes (Recharts, virtualised tables, Radix popovers) cannot carry a nonce.
 * API answers get a policy that allows nothing; downloads (PDF, CSV) only refuse to be framed.
 */

/** Headers that never change: set on every response. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** One year, subdomains included: sent only on responses served over HTTPS. */
export const HSTS = "max-age=31536000; includeSubDomains";

export type PagePolicyOptions = { nonce: string; isDev?: boolean; isHttps?: boolean };

/** The Content-Security-Policy of an HTML page rendered for one request. */
export function pageContentSecurityPolicy({ nonce, isDev = false, isHttps = false }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React's dev tooling rebuilds call stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Development keeps a websocket open for hot reloading.
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The Content-Security-Policy of an API answer (JSON): nothing runs, nothing frames it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The Content-Security-Policy of a desk download (PDF, CSV): not framed; the browser's PDF viewer keeps working. */
export const DOWNLOAD_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

/** A fresh nonce: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Whether the request reached us over HTTPS, directly or through a proxy that says so. */
export function isHttpsRequest(url: string, forwardedProto: string | null): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  if (proto) return proto === "https";
  return new URL(url).protocol === "https:";
}

/** The API reference (/api/docs, Swagger UI from our own files): its scripts are files of ours, its one style inline. */
export const API_DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export type ResponseKind = "page" | "api" | "api-docs" | "download";

/** What a path answers with: the API, a desk download (the route handlers beside the pages), or a page. */
export function responseKindOf(pathname: string): ResponseKind {
  if (pathname === "/api/docs") return "api-docs";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  if (/\/(pdf|packing-slip|export)$/.test(pathname)) return "download";
  return "page";
}

/** The Content-Security-Policy for one response, by its kind. */
export function contentSecurityPolicyFor(kind: ResponseKind, options: PagePolicyOptions): string {
  if (kind === "api") return API_CONTENT_SECURITY_POLICY;
  if (kind === "api-docs") return API_DOCS_CONTENT_SECURITY_POLICY;
  if (kind === "download") return DOWNLOAD_CONTENT_SECURITY_POLICY;
  return pageContentSecurityPolicy(options);
}
