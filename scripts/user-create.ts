/**
 * npm run user:create -- --email dana@example.com --role admin [--name "Dana Reyes"] [--password …]
 * Creates a real user with a bcrypt-hashed password. Without --password, one is generated and printed.
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createUser } from "~/server/auth/users";
import { ROLES } from "~/server/auth/roles";
import { fail, openScriptDb } from "./open-db";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
const ZArgs = z.object({
  email: z.email("--email must be an email address"),
  role: z.enum(ROLES, `--role must be one of ${ROLES.join(", ")}`),
  name: z.string().trim().min(1).optional(),
  password: z.string().min(10, "--password must have at least 10 characters").optional(),
});
const args = ZArgs.safeParse(values);
if (!args.success) {
  fail(`Usage: npm run user:create -- --email EMAIL --role ROLE [--name NAME] [--password PASSWORD]\n${args.error.issues.map((i) => `  ${i.message}`).join("\n")}`);
}

const password = args.data.password ?? crypto.randomBytes(12).toString("base64url");
const handle = await openScriptDb().catch((error: Error) => fail(error.message));
try {
  const user = await createUser({
    db: handle.db,
    input: { email: args.data.email, role: args.data.role, name: args.data.name ?? args.data.email.split("@")[0]!, password },
  }).catch((error: Error) => fail(error.message));
  console.log(`Created ${user.role} ${user.email}.`);
  if (!args.data.password) console.log(`Password (shown once): ${password}`);
} finally {
  await handle.close();
}
