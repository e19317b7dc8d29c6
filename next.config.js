// Issue 14, row 8. The same values as src/server/web/security-headers.ts (next-config.test.ts checks they agree);
// src/proxy.ts adds each page's Content-Security-Policy with its nonce.
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const API_DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const HSTS = "max-age=31536000; includeSubDomains";

// Issue 14, row 10: a path whose escapes do not decode (`/api/v1/orders/%`, `/orders/%E0%A4%A`). Next decodes a
// dynamic route's parameters while routing and answers such a path with a bare 500, so rewrites take it away first:
// the API's to a route that answers 400 with the API's error body, the others to the not-found page. The same
// values as src/server/web/path-escapes.ts (its test checks they agree): a path matches unless it is made of one
// well-formed character or UTF-8 escape after another.
const HEX = "[0-9A-Fa-f]";
const CONT = `%[89ABab]${HEX}`;
const WELL_FORMED_PATH_UNIT = [
  "[^%]",
  `%[0-7]${HEX}`,
  `%[Cc][2-9A-Fa-f]${CONT}`,
  `%[Dd]${HEX}${CONT}`,
  `%[Ee]0%[AaBb]${HEX}${CONT}`,
  `%[Ee][1-9A-Ca-cEeFf]${CONT}${CONT}`,
  `%[Ee][Dd]%[89]${HEX}${CONT}`,
  `%[Ff]0%(?:9${HEX}|[AaBb]${HEX})${CONT}${CONT}`,
  `%[Ff][1-3]${CONT}${CONT}${CONT}`,
  `%[Ff]4%8${HEX}${CONT}${CONT}`,
].join("|");
const MALFORMED_REST = `((?!(?:${WELL_FORMED_PATH_UNIT})*$).*)`;
const MALFORMED_PATH_REWRITES = [
  { source: `/api/:path${MALFORMED_REST}`, destination: "/api/v1/malformed-path" },
  // No route (a folder starting with `_` is private): the not-found page, which src/proxy.ts has told why.
  { source: `/:path${MALFORMED_REST}`, destination: "/_malformed-path" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // HSTS only when served over HTTPS: `next start` speaks HTTP, so that is a TLS proxy in front saying so.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      // Later entries win: the API reference is a page of files of ours.
      { source: "/api/docs", headers: [{ key: "Content-Security-Policy", value: API_DOCS_CONTENT_SECURITY_POLICY }] },
    ];
  },
  async rewrites() {
    // Before the file system routes: the dynamic ones are where Next fails decoding.
    return { beforeFiles: MALFORMED_PATH_REWRITES, afterFiles: [], fallback: [] };
  },
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "@react-pdf/renderer"],
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  typedRoutes: false,
  poweredByHeader: false,
  // The floating dev badge covers the sidebar's Sign out button.
  devIndicators: false,
  // forbidden() answers a role that may not use a page with a real 403 and src/app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
