import * as nodeModule from "node:module";
import path from "node:path";
import type { ReactElement } from "react";
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
  return `<!doctype html>${staticMarkupRenderer()(element ?? <PlainEmail subject={subject} text={message.body} />)}`;
}

type RenderToStaticMarkup = (element: ReactElement) => string;
let renderer: RenderToStaticMarkup | undefined;

/**
 * react-dom/server's renderToStaticMarkup, loaded at run time from node_modules with Node's own resolution. Next
 * refuses a static import of react-dom/server in server code (the job worker starts from instrumentation.ts) and
 * resolves it there to a build that throws (the react-server condition); the templates are plain function
 * components without hooks, so the elements they make render with node_modules' react-dom. The name is passed
 * as a value so the bundler leaves the call alone.
 */
function staticMarkupRenderer(): RenderToStaticMarkup {
  if (!renderer) {
    const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.("node:module") as typeof nodeModule | undefined;
    const load = (builtin ?? nodeModule).createRequire(path.join(process.cwd(), "package.json"));
    renderer = (load(REACT_DOM_SERVER) as { renderToStaticMarkup: RenderToStaticMarkup }).renderToStaticMarkup;
  }
  return renderer;
}

const REACT_DOM_SERVER = String(["react-dom", "server"].join("/"));
