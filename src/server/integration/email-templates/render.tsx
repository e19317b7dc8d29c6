import { renderToStaticMarkup } from "react-dom/server";
import { EMAIL_TOPICS, type InvoiceData, type OrderConfirmationData, type PaymentReminderData, type ReturnReceivedData, type ShipmentData } from "./messages";
import { InvoiceEmail, OrderConfirmationEmail, PaymentReminderEmail, PlainEmail, ReturnReceivedEmail, ShipmentEmail } from "./templates";

/**
 * A queued message's HTML, from its topic's template and the data in its payload; a topic without a template
 * (or a payload from before templates, missing its data) gets its plain text in the common frame. Only the
 * sender calls this (jobs), never a use case: react-dom/server is refused in the server-components graph.
 */
export function renderEmailHtml(message: { topic: string; subject: string; body: string; payload: Record<string, unknown> }): string {
  const { topic, subject, payload } = message;
  const element = (() => {
    if (!("customerName" in payload)) return null;
    switch (topic) {
      case EMAIL_TOPICS.orderConfirmation:
        return <OrderConfirmationEmail subject={subject} data={payload as OrderConfirmationData} />;
      case EMAIL_TOPICS.shipment:
        return <ShipmentEmail subject={subject} data={payload as ShipmentData} />;
      case EMAIL_TOPICS.invoice:
        return <InvoiceEmail subject={subject} data={payload as InvoiceData} />;
      case EMAIL_TOPICS.paymentReminder:
        return <PaymentReminderEmail subject={subject} data={payload as PaymentReminderData} />;
      case EMAIL_TOPICS.returnReceived:
        return <ReturnReceivedEmail subject={subject} data={payload as ReturnReceivedData} />;
      default:
        return null;
    }
  })();
  return `<!doctype html>${renderToStaticMarkup(element ?? <PlainEmail subject={subject} text={message.body} />)}`;
}
