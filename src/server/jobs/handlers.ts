import type { Db } from "../db";
import { runReplenishment } from "../purchasing";
import { checkJeopardy, planReadyOrders } from "../fulfillment";
import { markSlaBreaches } from "../exceptions";
import { runDunning } from "../billing";
import { pruneSignInRecords } from "../auth/prune-sign-in-records";
import { invoicePdfFile } from "~/components/documents/invoice-pdf-file";
// The sender directly, not through integration's index: it renders with react-dom/server, which must stay out of
// the server-components graph that imports the index (only the worker imports jobs).
import { sendOutbox } from "../integration/send-outbox";
import { sendingConfig, type SendingConfig } from "../integration/sending-config";
import type { OutboxAttachment } from "../integration/constants";
import {
  AUTH_PRUNE,
  BILLING_DUNNING,
  EMAIL_SEND_DUE,
  EXCEPTIONS_SLA_BREACHES,
  FULFILLMENT_AUTO_PLAN,
  FULFILLMENT_JEOPARDY,
  IMPORTS_RESUME,
  IMPORTS_RUN,
  INTEGRATION_WEBHOOKS,
  REPLENISHMENT_NIGHTLY,
  WEBHOOKS_DELIVER,
} from "./queues";
import { dispatchWebhooks } from "../integration/dispatch-webhooks";
import { runDueImports } from "../imports/run-import";

/**
 * Job handlers take the database and nothing else, so tests call them directly (no queue, no cron) and the
 * worker only adapts pg-boss's job batch to them.
 */
export async function handleReplenishmentNightly(db: Db) {
  // No actor: the run records itself as the nightly job.
  return runReplenishment(db);
}

export const JOB_HANDLERS: Record<string, (db: Db) => Promise<unknown>> = {
  [REPLENISHMENT_NIGHTLY.name]: handleReplenishmentNightly,
  [FULFILLMENT_AUTO_PLAN.name]: (db) => planReadyOrders(db),
  [EXCEPTIONS_SLA_BREACHES.name]: (db) => markSlaBreaches(db),
  [BILLING_DUNNING.name]: (db) => runDunning(db),
  [FULFILLMENT_JEOPARDY.name]: (db) => checkJeopardy(db),
  [AUTH_PRUNE.name]: (db) => pruneSignInRecords(db),
  [EMAIL_SEND_DUE.name]: (db) => handleEmailSend(db),
  [INTEGRATION_WEBHOOKS.name]: (db) => dispatchWebhooks({ db }),
  [WEBHOOKS_DELIVER]: (db) => dispatchWebhooks({ db }),
  [IMPORTS_RESUME.name]: (db) => runDueImports(db),
  [IMPORTS_RUN]: (db) => runDueImports(db),
};

/** What an e-mail attachment is made of when sent: the invoice's PDF from billing's own document. */
export async function renderEmailAttachment(db: Db, attachment: OutboxAttachment) {
  switch (attachment.kind) {
    case "invoice_pdf":
      return invoicePdfFile(db, attachment.ref);
  }
}

const SWEEP_BATCH_SIZE = 50;
const SWEEP_BATCHES = 10;

/**
 * Sends pending customer e-mails that are due (all of them, or the given ones: a send job's), through SMTP_URL;
 * without it nothing happens and they stay pending. `config` for tests (a local SMTP server).
 */
export async function handleEmailSend(db: Db, options: { ids?: string[]; config?: SendingConfig | null } = {}) {
  const config = options.config === undefined ? sendingConfig() : options.config;
  if (options.ids) return sendOutbox({ db, config, ids: options.ids, renderAttachment: renderEmailAttachment });
  // The sweep: batch after batch while they come full, so a backlog (SMTP_URL just set) drains in a few runs.
  const total = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < SWEEP_BATCHES; batch++) {
    const counts = await sendOutbox({ db, config, limit: SWEEP_BATCH_SIZE, renderAttachment: renderEmailAttachment });
    total.sent += counts.sent;
    total.retrying += counts.retrying;
    total.failed += counts.failed;
    if (counts.sent + counts.retrying + counts.failed < SWEEP_BATCH_SIZE) break;
  }
  return total;
}
