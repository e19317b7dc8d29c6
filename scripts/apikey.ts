/**
 * npm run apikey -- --name shop --role manager
 * Creates an API key and prints it alone on the last line (the only time it is shown).
 */
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { createApiKey } from "~/server/integration";
import { ZCreateApiKeyInput } from "~/server/integration/api-keys";
import { fail, openScriptDb } from "./open-db";

const { values } = parseArgs({ options: { name: { type: "string" }, role: { type: "string" } } });
const input = ZCreateApiKeyInput.safeParse(values);
if (!input.success) {
  fail(`Usage: npm run apikey -- --name NAME --role rep|warehouse|finance|manager|admin\n${input.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`).join("\n")}`);
}

const handle = await openScriptDb().catch((error: Error) => fail(error.message));
try {
  const key = await createApiKey({ db: handle.db, actor: SYSTEM_ACTOR, input: input.data });
  console.log(`Created API key "${key.name}" with role ${key.role}. Store it now; it is not shown again:`);
  console.log(key.key);
} finally {
  await handle.close();
}
