/**
 * npm run apikey -- --name shop --role manager [--scope read|write] [--expires YYYY-MM-DD]
 * Creates an API key and prints it alone on the last line (the only time it is shown). `--scope read` makes a
 * read-only key; `--expires` is the last day it works (company time zone).
 */
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { ZCreateApiKeyInput } from "~/server/integration/api-keys";
import { fail, openScriptDb } from "./open-db";

const { values } = parseArgs({ options: { name: { type: "string" }, role: { type: "string" }, scope: { type: "string" }, expires: { type: "string" } } });
const input = ZCreateApiKeyInput.safeParse({ name: values.name, role: values.role, scope: values.scope, expiresOn: values.expires });
if (!input.success) {
  const flag = (path: PropertyKey[]) => (path[0] === "expiresOn" ? "expires" : path.join("."));
  fail(
    `Usage: npm run apikey -- --name NAME --role rep|warehouse|finance|manager|admin [--scope read|write] [--expires YYYY-MM-DD]\n${input.error.issues.map((i) => `  --${flag(i.path)}: ${i.message}`).join("\n")}`,
  );
}

const handle = await openScriptDb().catch((error: Error) => fail(error.message));
try {
  const key = await createApiKey({ db: handle.db, actor: SYSTEM_ACTOR, input: input.data });
  const limits = `${key.scope === "read" ? "read-only" : "read and write"}${key.expiresOn ? `, last day ${key.expiresOn}` : ", no last day"}`;
  console.log(`Created API key "${key.name}" with role ${key.role} (${limits}). Store it now; it is not shown again:`);
  console.log(key.key);
} finally {
  await handle.close();
}
