export const dynamic = "force-dynamic";

/** Liveness: the process answers HTTP. (Readiness, with the database, is /api/ready.) */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store, no-transform" } });
}
