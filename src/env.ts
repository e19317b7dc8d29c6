import { z } from "zod";

/** Every environment variable the app reads, validated once. Documented in .env.example. */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Without it the app runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its data (and the generated development auth secret). */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Signs session tokens. Required in production; generated into DATA_DIR in development. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** "1" seeds demo data and demo users on PostgreSQL too (always on for the embedded database). */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** Runs migrations (the tables' owner) when the app itself logs in as a member of orderdesk_app. */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the app faces clients itself). */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** The SMTP server customer e-mails go through (smtp:// or smtps://, user and password in the URL). Unset: nothing is sent. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  /** Batch transactions a CSV import runs at once on PostgreSQL (default 2: one per core; PGlite always runs one). */
  IMPORT_LANES: z.coerce.number().int().min(1).max(8).optional(),
  /** The From of every e-mail sent. */
  SMTP_FROM: z.string().min(3).default("Orderdesk <orderdesk@localhost>"),
});

export type Env = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();

/** Demo data and demo users exist only on the embedded database or when SEED_DEMO=1. */
export const isDemoMode = (e: Env = env) => !e.DATABASE_URL || e.SEED_DEMO === "1";
