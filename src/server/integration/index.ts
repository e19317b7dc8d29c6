/** What other modules (and the REST door) may use of integration. */
export { authenticateApiKey, createApiKey } from "./api-keys";
export { enqueueMessage, type OutboxMessage } from "./outbox";
// The customer e-mails' subject, text and template data (pure): use cases queue them with enqueueMessage. The
// sender (send-outbox.ts, with react-dom/server) is not exported here: only the jobs import it.
export {
  EMAIL_TOPICS,
  invoiceEmail,
  orderConfirmationEmail,
  paymentReminderEmail,
  returnReceivedEmail,
  shipmentEmail,
  type EmailContent,
} from "./email-templates/messages";
export { recordApiRequest } from "./request-log";
export { readWebhookSubscriptions, recordWebhookEvent, webhookWanted, type WebhookEvent } from "./record-webhook-event";
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./constants";
