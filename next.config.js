/** @type {import('next').NextConfig} */
const nextConfig = {
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
