import { getDb } from "~/server/db";
import { readinessResponse } from "./readiness";

export const dynamic = "force-dynamic";

/** Readiness: the database reachable and its migrations current (liveness is /api/health). */
export function GET() {
  return readinessResponse(getDb);
}
