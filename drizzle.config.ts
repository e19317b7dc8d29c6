import { defineConfig } from "drizzle-kit";

// Each module owns its tables in src/server/<module>/schema.ts; migrations are generated, never pushed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/*/schema.ts",
  out: "./drizzle",
  strict: true,
});
