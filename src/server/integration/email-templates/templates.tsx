import { formatDate } from "~/lib/format-date";
import { formatMoney } from "~/lib/money";
import { EmailLayout, Facts, Greeting, Items, Paragraph, Signature } from "./layout";
import type { InvoiceData, OrderConfirmationData, PaymentReminderData, ReturnReceivedData, ShipmentData } from "./messages";

/** The HTML of each customer e-mail, from the same data as its text (messages.ts). */

const money = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");
const day = (value: string) => formatDate(value, { locale: "en-US" });

export function OrderConfirmationEmail({ data, subject }: { data: OrderConfirmationData; subject: string }) {
  return (
    <EmailLayout title={subject} preview={`We received your order ${data.order}.`}>
      <Greeting name={data.customerName} />
      <Paragraph>Thank you for your order. We received it and it is being prepared.</Paragraph>
      <Facts
        rows={[
          ["Order", data.order],
          ...(data.customerReference ? ([["Your reference", data.customerReference]] as [string, string][]) : []),
          ["Total", money(data.total, data.currency)],
          ...(!data.onHold && data.promisedDate ? ([["Expected delivery", day(data.promisedDate)]] as [string, string][]) : []),
        ]}
      />
      <Items rows={data.lines.map((l, i) => ({ key: `${i}`, quantity: l.quantity, sku: l.sku }))} />
      {data.onHold ? <Paragraph>It waits for a review by our team before it is released; we will be in touch if anything is needed.</Paragraph> : null}
      <Signature />
    </EmailLayout>
  );
}

export function ShipmentEmail({ data, subject }: { data: ShipmentData; subject: string }) {
  const units = data.lines.reduce((s, l) => s + l.units, 0);
  return (
    <EmailLayout title={subject} preview={`Tracking number ${data.trackingNumber}`}>
      <Greeting name={data.customerName} />
      <Paragraph>
        Good news: {units} item{units === 1 ? "" : "s"} of your order left our warehouse today with {data.carrierName}
        {data.service ? ` ${data.service}` : ""}.
      </Paragraph>
      <Facts
        rows={[
          ["Order", data.order],
          ...(data.customerReference ? ([["Your reference", data.customerReference]] as [string, string][]) : []),
          ["Shipment", data.shipment],
          ["Tracking number", data.trackingNumber],
        ]}
      />
      {data.trackingUrl ? (
        <p style={{ margin: "0 0 16px" }}>
          <a href={data.trackingUrl} style={{ display: "inline-block", padding: "10px 16px", backgroundColor: "#4f46e5", color: "#ffffff", borderRadius: 4, textDecoration: "none", fontWeight: 600 }}>
            Track your shipment
          </a>
        </p>
      ) : null}
      <Items rows={data.lines.map((l, i) => ({ key: `${i}`, quantity: l.units, sku: l.sku }))} />
      <Signature />
    </EmailLayout>
  );
}

export function InvoiceEmail({ data, subject }: { data: InvoiceData; subject: string }) {
  return (
    <EmailLayout title={subject} preview={`${money(data.total, data.currency)} due on ${day(data.dueDate)}`}>
      <Greeting name={data.customerName} />
      <Paragraph>Please find attached invoice {data.invoice} (PDF).</Paragraph>
      <Facts
        rows={[
          ["Invoice", data.invoice],
          ...(data.order ? ([["Order", data.order]] as [string, string][]) : []),
          ...(data.customerReference ? ([["Your reference", data.customerReference]] as [string, string][]) : []),
          ["Amount", money(data.total, data.currency)],
          ["Due", day(data.dueDate)],
        ]}
      />
      <Signature />
    </EmailLayout>
  );
}

export function PaymentReminderEmail({ data, subject }: { data: PaymentReminderData; subject: string }) {
  return (
    <EmailLayout title={subject} preview={`${money(data.balance, data.currency)} is still open`}>
      <Greeting name={data.customerName} />
      <Paragraph>
        Our records show invoice {data.invoice} was due on {day(data.dueDate)}, {data.daysOverdue} days ago, and {money(data.balance, data.currency)} is still open.
        {data.final ? " This is our final reminder." : ""}
      </Paragraph>
      <Facts
        rows={[
          ["Invoice", data.invoice],
          ["Order", data.order],
          ...(data.customerReference ? ([["Your reference", data.customerReference]] as [string, string][]) : []),
          ["Invoice total", money(data.total, data.currency)],
          ["Open balance", money(data.balance, data.currency)],
          ["Due", day(data.dueDate)],
        ]}
      />
      <Paragraph>{data.remittance}</Paragraph>
      <Paragraph>If you have already paid, please ignore this message.</Paragraph>
      <Signature />
    </EmailLayout>
  );
}

export function ReturnReceivedEmail({ data, subject }: { data: ReturnReceivedData; subject: string }) {
  return (
    <EmailLayout title={subject} preview={`We received your return ${data.return}.`}>
      <Greeting name={data.customerName} />
      <Paragraph>
        We received the goods you returned under {data.return} (order {data.order}).
      </Paragraph>
      <Items rows={data.lines.map((l, i) => ({ key: `${i}`, quantity: l.quantity, sku: l.sku, note: l.disposition === "scrap" ? "not restocked" : undefined }))} />
      {data.creditNote ? (
        <Paragraph>
          Credit note {data.creditNote} for {money(data.credit, data.currency)} was issued to your account.
        </Paragraph>
      ) : null}
      <Signature />
    </EmailLayout>
  );
}

/** Any other message (deliveries, notices to the desk): its text, paragraph by paragraph, in the same frame. */
export function PlainEmail({ subject, text }: { subject: string; text: string }) {
  return (
    <EmailLayout title={subject} preview={subject}>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} style={{ margin: "0 0 16px", whiteSpace: "pre-line" }}>
          {paragraph}
        </p>
      ))}
    </EmailLayout>
  );
}
