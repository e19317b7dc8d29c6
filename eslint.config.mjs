// ESLint flat config. eslint-config-next 16 ships flat configs as arrays:
// `eslint-config-next/core-web-vitals` (next + react + hooks + import + jsx-a11y + Core Web Vitals rules)
// and `eslint-config-next/typescript` (typescript-eslint recommended).
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const transportMessage =
  "Domain code never imports the transport (docs/architecture.md, Conventions): only the routers (src/server/<module>/router.ts, *-router.ts) and src/server/api/** may use tRPC, Next, React or src/server/api.";

/** @type {import("eslint").Linter.Config[]} */
const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "drizzle/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "blob-report/**",
      "e2e/.auth/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Keep create-t3-app's guard against unbounded writes.
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // `_name` marks a deliberately unused binding (kept warn, as in eslint-config-next; --max-warnings 0 fails on it).
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tool config files conventionally default-export an object literal.
    files: ["*.config.{js,mjs,cjs,ts}"],
    rules: { "import/no-anonymous-default-export": "off" },
  },
  {
    // A success replaces the error toasts still showing (src/components/ui/toast.ts): toasts come from there.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/**", "src/components/ui/toast.ts", "src/components/ui/toast.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "sonner", importNames: ["toast"], message: 'Import toast from "~/components/ui/toast": a success there replaces the errors still showing.' }] },
      ],
    },
  },
  {
    files: ["src/server/**/*.{ts,tsx}"],
    // Routers (router.ts, <name>-router.ts) are the tRPC adapters; everything else under src/server is domain code.
    ignores: [
      "src/server/**/router.ts",
      "src/server/**/router.test.ts",
      "src/server/**/router.int.test.ts",
      "src/server/**/*-router.ts",
      "src/server/**/*-router.test.ts",
      "src/server/**/*-router.int.test.ts",
      "src/server/api/**",
      // E-mail templates are React components rendered to static HTML by the job that sends the mail
      // (email-templates/render.tsx); React is their markup language here, not a transport. Use cases import
      // only the pure messages.ts beside them, which imports no React.
      "src/server/integration/email-templates/*.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next", message: transportMessage },
            { name: "react", message: transportMessage },
          ],
          patterns: [
            { group: ["@trpc/*", "next/*", "react/*"], message: transportMessage },
            { group: ["../api/*", "../../api/*", "~/server/api/*"], message: transportMessage },
          ],
        },
      ],
    },
  },
  {
    // An e-mail is a whole HTML document, not a Next page: its <head> is the document's own.
    files: ["src/server/integration/email-templates/*.tsx"],
    rules: { "@next/next/no-head-element": "off" },
  },
];

export default config;
