import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

/** Server components call procedures directly, with the same permission checks as the client. */
export const api = cache(async () => createCaller(await createSessionContext(new Headers(await headers()))));
