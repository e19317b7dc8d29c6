import { formatDate } from "~/lib/format-date";
import { formatMoney } from "~/lib/money";

/**
 * The customer e-mails: for each topic the data its templates show, its subject and its plain-text body. Use
 * cases call these inside their transaction and queue the result (the data goes in the message's payload); the
 * HTML is rendered from the same data by the React templates beside this file when the message is sent
 * (render.tsx: react-dom/server cannot run in the server-components graph the use cases are part of).
 * Everything here is pure.
 */

export type OrderConfirmationData = {
  customerName: string;
  order: string;
  customerReference: string | null;
  currency: string;
  total: number;
  promisedDate: string | null;
  lines: { sku: string; quantity: number }[];
  onHold: boolean;
};

export type ShipmentData = {
  customerName: string;
  order: string;
  customerReference: string | null;
  shipment: string;
  carrierName: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  lines: { sku: string; units: number }[];
};

export type InvoiceData = {
  customerName: string;
  invoice: string;
  order: string | null;
  customerReference: string | null;
  currency: string;
  total: number;
  dueDate: string;
};

export type PaymentReminderData = {
  customerName: string;
  invoice: string;
  order: string;
  customerReference: string | null;
  currency: string;
  total: number;
  balance: number;
  dueDate: string;
  daysOverdue: number;
  final: boolean;
  remittance: string;
};

export type ReturnReceivedData = {
  customerName: string;
  return: string;
  order: string;
  lines: { sku: string; quantity: number; disposition: "restock" | "scrap" }[];
  /** The credit note issued for the goods, if any (units given free need none). */
  creditNote: string | null;
  currency: string;
  credit: number;
};

export type EmailContent<T> = { subject: string; body: string; payload: T };

export const EMAIL_TOPICS = {
  orderConfirmation: "email.order_confirmation",
  shipment: "email.shipment_confirmation",
  invoice: "email.invoice",
  paymentReminder: "email.payment_reminder",
  returnReceived: "email.return_received",
} as const;

const money = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");
const day = (value: string) => formatDate(value, { locale: "en-US" });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const letter = (name: string, paragraphs: (string | null | false)[]) => [`Dear ${name},`, ...paragraphs.filter(Boolean), "Orderdesk"].join("\n\n");

export function orderConfirmationEmail(data: OrderConfirmationData): EmailContent<OrderConfirmationData> {
  return {
    subject: `Order confirmation ${data.order}`,
    body: letter(data.customerName, [
      `Thank you for your order ${data.order}${data.customerReference ? ` (your reference ${data.customerReference})` : ""}. We received it and it is being prepared.`,
      data.lines.map((l) => `  ${l.quantity} × ${l.sku}`).join("\n"),
      `Total: ${money(data.total, data.currency)}`,
      data.onHold ? "It waits for a review by our team before it is released; we will be in touch if anything is needed." : data.promisedDate ? `Expected delivery: ${day(data.promisedDate)}.` : null,
    ]),
    payload: data,
  };
}

export function shipmentEmail(data: ShipmentData): EmailContent<ShipmentData> {
  const units = data.lines.reduce((s, l) => s + l.units, 0);
  return {
    subject: `Your order ${data.order} has shipped`,
    body: letter(data.customerName, [
      `Good news: ${plural(units, "item")} of your order ${data.order}${data.customerReference ? ` (your reference ${data.customerReference})` : ""} left our warehouse today with ${data.carrierName}${data.service ? ` ${data.service}` : ""} (shipment ${data.shipment}).`,
      `Tracking number: ${data.trackingNumber}${data.trackingUrl ? `\nTrack it: ${data.trackingUrl}` : ""}`,
      data.lines.map((l) => `  ${l.units} × ${l.sku}`).join("\n"),
    ]),
    payload: data,
  };
}

export function invoiceEmail(data: InvoiceData): EmailContent<InvoiceData> {
  return {
    subject: `Invoice ${data.invoice}`,
    body: letter(data.customerName, [
      `Please find attached invoice ${data.invoice}${data.order ? ` for order ${data.order}` : ""}: ${money(data.total, data.currency)}, due on ${day(data.dueDate)}.${data.customerReference ? `\nYour reference: ${data.customerReference}` : ""}`,
    ]),
    payload: data,
  };
}

export function paymentReminderEmail(data: PaymentReminderData): EmailContent<PaymentReminderData> {
  return {
    subject: `${data.final ? "Final reminder" : "Reminder"}: invoice ${data.invoice} is ${data.daysOverdue} days overdue`,
    body: letter(data.customerName, [
      `Our records show invoice ${data.invoice} (order ${data.order}${data.customerReference ? `, your reference ${data.customerReference}` : ""}) for ${money(data.total, data.currency)} was due on ${day(data.dueDate)}; ${money(data.balance, data.currency)} is still open.`,
      data.remittance,
      "If you have already paid, please ignore this message.",
    ]),
    payload: data,
  };
}

export function returnReceivedEmail(data: ReturnReceivedData): EmailContent<ReturnReceivedData> {
  const units = data.lines.reduce((s, l) => s + l.quantity, 0);
  return {
    subject: `Return ${data.return} received`,
    body: letter(data.customerName, [
      `We received ${plural(units, "item")} you returned under ${data.return} (order ${data.order}).`,
      data.lines.map((l) => `  ${l.quantity} × ${l.sku}${l.disposition === "scrap" ? " (not restocked)" : ""}`).join("\n"),
      data.creditNote ? `Credit note ${data.creditNote} for ${money(data.credit, data.currency)} was issued to your account.` : null,
    ]),
    payload: data,
  };
}
