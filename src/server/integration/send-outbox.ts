import { and, eq, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import * as clock from "../clock";
import type { Db } from "../db";
import { executeRows } from "../db/execute";
import type { OutboxAttachment } from "./constants";
import { renderEmailHtml } from "./email-templates/render";
import { afterFailure, EMAIL_MAX_ATTEMPTS } from "./email-retry";
import { smtpMailer, type MailAttachment, type Mailer } from "./mailer";
import type { SendingConfig } from "./sending-config";
import { outboxMessages } from "./schema";

/** Renders a message's attachment when it is sent (billing's invoice PDF): given by the jobs, which may import billing. */
export type AttachmentRenderer = (db: Db, attachment: OutboxAttachment) => Promise<MailAttachment>;

export type SendOutboxOptions = {
  db: Db;
  /** SMTP server and From; null: sending is off and nothing happens (the messages stay pending). */
  config: SendingConfig | null;
  renderAttachment?: AttachmentRenderer;
  /** Only these messages (the send job of a transaction that queued them); all due ones when omitted (the sweep). */
  ids?: string[];
  /** At most this many messages per run (the sweep runs every minute). */
  limit?: number;
  maxAttempts?: number;
  /** Tests: another transport. */
  mailer?: Mailer;
};

/** How long a claimed message is left alone: a sender that dies mid-send leaves it to the sweep after this. */
export const SEND_LEASE_SECONDS = 300;

/** Who "managers" (the SLA job's notices) are: the active managers' own addresses. */
const ROLE_RECIPIENTS: Record<string, "manager"> = { managers: "manager" };
const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

type Claimed = { id: string; topic: string; recipient: string | null; subject: string; body: string; payload: Record<string, unknown>; attachments: OutboxAttachment[]; attempts: number };

/**
 * Sends pending messages that are due: each is claimed in one statement (attempts + 1, left alone for the lease,
 * SKIP LOCKED so two workers never take the same one), sent outside any transaction, then marked sent — or
 * given its next attempt with exponential backoff, and failed after the last one, with the server's answer
 * kept as its last error. At least once: a crash between the SMTP server's OK and the update sends it again
 * after the lease (the Message-ID stays the same, so mail systems can tell).
 */
export async function sendOutbox(options: SendOutboxOptions): Promise<{ sent: number; retrying: number; failed: number }> {
  const { db, config } = options;
  const counts = { sent: 0, retrying: 0, failed: 0 };
  if (!config) return counts;
  const now = clock.now();
  const leaseUntil = new Date(now.getTime() + SEND_LEASE_SECONDS * 1_000);
  const only = options.ids ? sql`and id in (${sql.join(options.ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  if (options.ids && options.ids.length === 0) return counts;
  const claimed = await executeRows<Claimed>(
    db,
    sql`update ${outboxMessages} set attempts = attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
        where id in (select id from ${outboxMessages}
                     where status = 'pending' and (next_attempt_at is null or next_attempt_at <= ${now.toISOString()}::timestamptz) ${only}
                     order by created_at limit ${options.limit ?? 50} for update skip locked)
        returning id, topic, recipient, subject, body, payload, attachments, attempts`,
  );
  if (claimed.length === 0) return counts;
  const mailer = options.mailer ?? smtpMailer(config.smtpUrl);
  try {
    for (const message of claimed) {
      const outcome = await sendOne(db, mailer, config.from, message, options.renderAttachment);
      const at = clock.now();
      if (outcome.ok) {
        await db.update(outboxMessages).set({ status: "sent", sentAt: at, nextAttemptAt: null, lastError: null }).where(eq(outboxMessages.id, message.id));
        counts.sent += 1;
        continue;
      }
      // Nothing to retry for a message without an address: it fails at once.
      const next = outcome.permanent ? ({ status: "failed", nextAttemptAt: null } as const) : afterFailure(message.attempts, at, options.maxAttempts ?? EMAIL_MAX_ATTEMPTS);
      await db
        .update(outboxMessages)
        .set({ status: next.status, nextAttemptAt: next.nextAttemptAt, lastError: outcome.error.slice(0, 2_000) })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, "pending")));
      counts[next.status === "failed" ? "failed" : "retrying"] += 1;
    }
  } finally {
    if (!options.mailer) mailer.close();
  }
  return counts;
}

async function sendOne(db: Db, mailer: Mailer, from: string, message: Claimed, renderAttachment: AttachmentRenderer | undefined): Promise<{ ok: true } | { ok: false; permanent: boolean; error: string }> {
  try {
    const to = await recipientsOf(db, message.recipient);
    if (to.length === 0) {
      return { ok: false, permanent: true, error: message.recipient ? `No e-mail address for "${message.recipient}"` : "No e-mail address: the customer has none on file" };
    }
    const attachments: MailAttachment[] = [];
    for (const a of message.attachments) {
      if (!renderAttachment) throw new Error(`Cannot attach ${a.kind} ${a.ref}: no renderer`);
      attachments.push(await renderAttachment(db, a));
    }
    await mailer.send({ from, to, subject: message.subject, text: message.body, html: renderEmailHtml(message), attachments, messageId: `<${message.id}@orderdesk>` });
    return { ok: true };
  } catch (error) {
    return { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function recipientsOf(db: Db, recipient: string | null): Promise<string[]> {
  if (!recipient) return [];
  const role = ROLE_RECIPIENTS[recipient];
  if (role) {
    const rows = await db.select({ email: users.email }).from(users).where(and(eq(users.role, role), eq(users.isActive, true)));
    return rows.map((r) => r.email);
  }
  return EMAIL_ADDRESS.test(recipient) ? [recipient] : [];
}
