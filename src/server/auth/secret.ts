import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/env";

/**
 * The key that signs session tokens. Production must set AUTH_SECRET; in development one is generated
 * once into DATA_DIR so `npm run dev` needs no .env and sessions survive restarts.
 */
export function getAuthSecret(): string {
  const secret = findAuthSecret();
  if (!secret) {
    throw new Error("AUTH_SECRET is not set. Production needs it: add AUTH_SECRET=$(openssl rand -base64 32) to .env or the environment.");
  }
  return secret;
}

/** Like getAuthSecret, but undefined in production without one (so `next build` can load the auth config). */
export function findAuthSecret(): string | undefined {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") return undefined;
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
