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
