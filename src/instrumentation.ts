/** Runs once when the server starts. The Node.js start-up lives apart so the Edge bundle never sees it. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { recordPeerAddresses } = await import("./server/web/client-address");
    await recordPeerAddresses();
    const { startServer } = await import("./server/start");
    await startServer();
  }
}
