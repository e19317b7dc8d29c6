import { createRestHandler } from "~/server/api/rest";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

const handler = createRestHandler(getDb);

export { handler as DELETE, handler as GET, handler as HEAD, handler as PATCH, handler as POST, handler as PUT };
