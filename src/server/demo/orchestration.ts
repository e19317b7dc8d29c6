import { savePolicyRules } from "~/server/fulfillment/policies/rules";
import { saveTransitTimes } from "~/server/fulfillment/plans/transit";
import { checkJeopardy } from "~/server/fulfillment";
import type { Db } from "~/server/db/client";
import { warehouses } from "~/server/inventory";
import type { Agenda } from "./agenda";
import { DAY, HOUR, workingMoment } from "./agenda";
import type { Cast } from "./cast";

/**
 * The admin's orchestration set-up before the first order: transit days from each warehouse (a day within its
 * own region, three elsewhere) and the rules — retail customers ordering on the web pay first, contractors'
 * field-sales orders are collected at the counter; everyone else follows Standard.
 */
export async function seedOrchestration(db: Db, cast: Cast) {
  const houses = await db.select({ code: warehouses.code, region: warehouses.region }).from(warehouses);
  await saveTransitTimes({
    db,
    actor: cast.admin,
    input: { times: houses.flatMap((w) => [{ warehouse: w.code, region: w.region.toUpperCase(), days: 1 }, { warehouse: w.code, region: "*", days: 3 }]) },
  });
  await savePolicyRules({
    db,
    actor: cast.admin,
    input: {
      rules: [
        { policyCode: "PREPAID", channels: ["web"], segments: ["retail"], categories: [], minTotal: null, maxTotal: null },
        { policyCode: "WILL_CALL", channels: ["field_sales"], segments: ["contractor"], categories: [], minTotal: null, maxTotal: null },
      ],
    },
  });
}

/** The jeopardy job, as the scheduler runs it (every 15 minutes in production; twice a working day is enough for the last weeks of history). */
export function bookJeopardyWatch(db: Db, agenda: Agenda, options: { days: number }) {
  const summary = { jeopardyRuns: 0, jeopardyFlagged: 0 };
  for (let day = Math.max(agenda.start, agenda.end - options.days * DAY); day < agenda.end; day += DAY) {
    // 10:00 and 15:00 in New York (UTC hours, as the agenda keeps them).
    for (const hour of [15, 20]) {
      const at = workingMoment(day - (day % DAY) + hour * HOUR);
      agenda.book(at, "jeopardy job", async () => {
        const { atRisk } = await checkJeopardy(db);
        summary.jeopardyRuns++;
        summary.jeopardyFlagged += atRisk.length;
      });
    }
  }
  return summary;
}
