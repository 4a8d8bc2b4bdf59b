// GET /healthz — the process is up and serving requests (for a load balancer's liveness
// probe). No session, no database: restarting the process is the only remedy it can trigger.
export const loader = () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
