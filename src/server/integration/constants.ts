/** pending: waiting to be sent (sending off, not yet tried, or waiting for a retry); sent; failed after retries. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What an API key may do: `read` calls queries only; `write` also makes the changes its role may make. */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** How many of a key's latest REST calls its request log keeps (Admin → API keys). */
export const REQUEST_LOG_SIZE = 1_000;

/** A file attached when the message is sent: rendered then from the record it names (invoice_pdf: an invoice number). */
export const OUTBOX_ATTACHMENT_KINDS = ["invoice_pdf"] as const;
export type OutboxAttachment = { kind: (typeof OUTBOX_ATTACHMENT_KINDS)[number]; ref: string };
