import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatMoney } from "~/lib/money";
import type { TAddress } from "~/server/customers/schemas";
import type { TBillingSettings, TInvoice } from "~/server/billing/schemas";
import { formatDate } from "~/lib/format-date";

/**
 * The invoice as a printable Letter PDF, and the building blocks the credit note reuses: the company header
 * (from the billing settings), address and reference blocks, the tax-per-rate table, the totals, a big stamp
 * (VOID, DRAFT) and the footer. Amounts are formatted in en-US; Helvetica covers what is printed here.
 */

/** What the billing settings say about the company on every document. */
export type CompanyHeader = Pick<TBillingSettings, "companyName" | "companyAddress" | "taxId" | "remittance">;

const INK = "#18181b";
const MUTED = "#52525b";
const RULE = "#e4e4e7";

export const pdfStyles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40, fontSize: 9, fontFamily: "Helvetica", color: INK, lineHeight: 1.3 },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 20 },
  company: { width: "55%" },
  companyName: { fontSize: 15, lineHeight: 1.2, fontFamily: "Helvetica-Bold", color: "#4f46e5", marginBottom: 3 },
  titleBox: { width: "45%", alignItems: "flex-end" },
  title: { fontSize: 20, lineHeight: 1.2, fontFamily: "Helvetica-Bold", textAlign: "right", marginBottom: 2 },
  number: { fontSize: 11, lineHeight: 1.3, fontFamily: "Helvetica-Bold", textAlign: "right", marginBottom: 4 },
  metaRow: { flexDirection: "row", justifyContent: "flex-end" },
  metaLabel: { color: MUTED, width: 70, textAlign: "right", marginRight: 6 },
  metaValue: { width: 80, textAlign: "right" },
  muted: { color: MUTED },
  bold: { fontFamily: "Helvetica-Bold" },
  row: { flexDirection: "row", marginBottom: 14 },
  block: { flex: 1, paddingRight: 12 },
  label: { fontSize: 7, color: MUTED, textTransform: "uppercase", letterSpacing: 0.5, marginBottom: 3, fontFamily: "Helvetica-Bold" },
  table: { marginTop: 4, borderTop: `1 solid ${INK}` },
  th: { flexDirection: "row", borderBottom: `1 solid ${RULE}`, paddingVertical: 4, fontFamily: "Helvetica-Bold", fontSize: 8 },
  tr: { flexDirection: "row", borderBottom: `0.5 solid ${RULE}`, paddingVertical: 4 },
  num: { textAlign: "right" },
  below: { flexDirection: "row", justifyContent: "space-between", marginTop: 14 },
  taxBox: { width: "48%" },
  totals: { width: "40%" },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grand: { fontFamily: "Helvetica-Bold", fontSize: 11, lineHeight: 1.3, borderTop: `1 solid ${INK}`, paddingTop: 4, marginTop: 3 },
  due: { fontFamily: "Helvetica-Bold", fontSize: 11, lineHeight: 1.3, backgroundColor: "#f4f4f5", paddingVertical: 4, paddingHorizontal: 4, marginTop: 4 },
  note: { marginTop: 18, padding: 8, border: `1 solid ${RULE}`, borderRadius: 3 },
  voidNote: { marginTop: 0, marginBottom: 14, padding: 8, border: "1 solid #dc2626", borderRadius: 3, color: "#991b1b" },
  stamp: {
    position: "absolute",
    top: 300,
    left: 0,
    right: 0,
    textAlign: "center",
    fontSize: 120,
    lineHeight: 1.2,
    fontFamily: "Helvetica-Bold",
    color: "#dc2626",
    opacity: 0.16,
    transform: "rotate(-28deg)",
  },
  footer: { position: "absolute", bottom: 28, left: 40, right: 40, fontSize: 7, color: MUTED, textAlign: "center" },
});

/** A money formatter for one document's currency. */
export function moneyIn(currency: string) {
  return (amount: number) => formatMoney(amount, currency, "en-US");
}

/** 82500 ppm → "8.25%". */
export function taxRateText(ppm: number): string {
  return `${Number((ppm / 10_000).toFixed(4))}%`;
}

/** "2026-11-21" → "Nov 21, 2026" (a calendar date, never shifted by time zones). */
export function dateText(value: string | null | undefined): string {
  if (!value) return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  // Documents go out in the company's own locale, whoever prints them.
  return formatDate(match[0], { locale: "en-US" });
}

/** The company on the left (name, address, tax id), the document's title, number and dates on the right. */
export function DocumentHeader({ company, title, number, meta }: { company: CompanyHeader; title: string; number: string; meta: [string, string][] }) {
  return (
    <View style={pdfStyles.header}>
      <View style={pdfStyles.company}>
        <Text style={pdfStyles.companyName}>{company.companyName}</Text>
        {company.companyAddress.split("\n").map((line, i) => (
          <Text key={i} style={pdfStyles.muted}>
            {line}
          </Text>
        ))}
        {company.taxId ? <Text style={[pdfStyles.muted, { marginTop: 2 }]}>{company.taxId}</Text> : null}
      </View>
      <View style={pdfStyles.titleBox}>
        <Text style={pdfStyles.title}>{title}</Text>
        <Text style={pdfStyles.number}>{number}</Text>
        {meta.map(([label, value]) => (
          <View key={label} style={pdfStyles.metaRow}>
            <Text style={pdfStyles.metaLabel}>{label}</Text>
            <Text style={pdfStyles.metaValue}>{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** A titled block of text lines (an address, references). */
export function InfoBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={pdfStyles.block}>
      <Text style={pdfStyles.label}>{title}</Text>
      {children}
    </View>
  );
}

export function AddressLines({ name, address }: { name?: string; address: TAddress | null }) {
  return (
    <>
      {name ? <Text style={pdfStyles.bold}>{name}</Text> : null}
      {address ? (
        <>
          <Text>{address.line1}</Text>
          <Text>{`${address.city}${address.region ? `, ${address.region}` : ""} ${address.postalCode}`}</Text>
          <Text>{address.country}</Text>
        </>
      ) : (
        <Text style={pdfStyles.muted}>No address on file</Text>
      )}
    </>
  );
}

/** A column of a line table: its title, width and alignment. */
export type PdfColumn = { title: string; width: string; numeric?: boolean };

/** A line table: a heading row and one row per line (rows never split across pages). */
export function LineTable({ columns, rows }: { columns: PdfColumn[]; rows: { key: string | number; cells: string[] }[] }) {
  return (
    <View style={pdfStyles.table}>
      <View style={pdfStyles.th} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={[{ width: c.width, paddingRight: 4 }, c.numeric ? pdfStyles.num : {}]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.key} style={pdfStyles.tr} wrap={false}>
          {row.cells.map((cell, i) => (
            <Text key={columns[i]!.title} style={[{ width: columns[i]!.width, paddingRight: 4 }, columns[i]!.numeric ? pdfStyles.num : {}]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** Tax per rate: the taxable amount and the tax at each rate. */
export function TaxSummary({ taxes, money }: { taxes: { ratePpm: number; taxable: number; tax: number }[]; money: (n: number) => string }) {
  return (
    <View style={pdfStyles.taxBox} wrap={false}>
      <Text style={pdfStyles.label}>Tax per rate</Text>
      <View style={[pdfStyles.th, { borderTop: `1 solid ${RULE}` }]}>
        <Text style={{ width: "30%" }}>Rate</Text>
        <Text style={[{ width: "40%" }, pdfStyles.num]}>Taxable</Text>
        <Text style={[{ width: "30%" }, pdfStyles.num]}>Tax</Text>
      </View>
      {taxes.length === 0 ? (
        <Text style={[pdfStyles.muted, { paddingVertical: 4 }]}>No tax</Text>
      ) : (
        taxes.map((t) => (
          <View key={t.ratePpm} style={pdfStyles.tr}>
            <Text style={{ width: "30%" }}>{taxRateText(t.ratePpm)}</Text>
            <Text style={[{ width: "40%" }, pdfStyles.num]}>{money(t.taxable)}</Text>
            <Text style={[{ width: "30%" }, pdfStyles.num]}>{money(t.tax)}</Text>
          </View>
        ))
      )}
    </View>
  );
}

/** The totals column; `grand` rows are ruled and bold, `due` rows shaded. */
export function TotalsBlock({ rows }: { rows: { label: string; value: string; style?: "grand" | "due" }[] }) {
  return (
    <View style={pdfStyles.totals} wrap={false}>
      {rows.map((r) => (
        <View key={r.label} style={[pdfStyles.totalRow, r.style === "grand" ? pdfStyles.grand : r.style === "due" ? pdfStyles.due : {}]}>
          <Text>{r.label}</Text>
          <Text>{r.value}</Text>
        </View>
      ))}
    </View>
  );
}

/** A big diagonal word across every page (VOID, DRAFT). */
export function Stamp({ text }: { text: string }) {
  return (
    <Text style={pdfStyles.stamp} fixed>
      {text}
    </Text>
  );
}

export function PdfFooter({ text }: { text: string }) {
  return <Text style={pdfStyles.footer} render={({ pageNumber, totalPages }) => `${text} · Page ${pageNumber} of ${totalPages}`} fixed />;
}

const INVOICE_COLUMNS: PdfColumn[] = [
  { title: "SKU", width: "13%" },
  { title: "Description", width: "27%" },
  { title: "Qty", width: "6%", numeric: true },
  { title: "Unit price", width: "11%", numeric: true },
  { title: "Discount", width: "10%", numeric: true },
  { title: "Net", width: "12%", numeric: true },
  { title: "Tax rate", width: "9%", numeric: true },
  { title: "Tax", width: "12%", numeric: true },
];

/** An invoice: the company, bill-to and ship-to, references, lines, tax per rate, totals, terms and how to pay. */
export function InvoicePdf({ invoice, company }: { invoice: TInvoice; company: CompanyHeader }) {
  const money = moneyIn(invoice.currency);
  const isVoid = invoice.status === "void";
  const isDraft = invoice.status === "draft";
  const number = invoice.number ?? "Not numbered yet";
  const terms = invoice.paymentTermsDays === 0 ? "Due on receipt" : `Net ${invoice.paymentTermsDays} days`;
  const totals: { label: string; value: string; style?: "grand" | "due" }[] = [{ label: "Subtotal", value: money(invoice.subtotal) }];
  if (invoice.discountTotal) totals.push({ label: "Discounts", value: money(-invoice.discountTotal) });
  totals.push({ label: "Tax", value: money(invoice.taxTotal) });
  if (invoice.shippingTotal) totals.push({ label: "Freight", value: money(invoice.shippingTotal) });
  totals.push({ label: "Total", value: money(invoice.total), style: "grand" });
  if (!isVoid && invoice.amountPaid) totals.push({ label: "Paid", value: money(-invoice.amountPaid) });
  if (!isVoid) totals.push({ label: isDraft ? "Amount due" : `Balance due ${dateText(invoice.dueDate)}`, value: money(invoice.balance), style: "due" });

  return (
    <Document title={`Invoice ${number}`} author={company.companyName} subject={`Invoice ${number} for order ${invoice.order}`}>
      <Page size="LETTER" style={pdfStyles.page}>
        {isVoid ? <Stamp text="VOID" /> : isDraft ? <Stamp text="DRAFT" /> : null}
        <DocumentHeader
          company={company}
          title={isDraft ? "Draft invoice" : "Invoice"}
          number={number}
          meta={[
            ["Issue date", isDraft ? "Not issued" : dateText(invoice.issueDate)],
            ["Due date", isDraft ? "—" : dateText(invoice.dueDate)],
            ["Terms", terms],
          ]}
        />
        {isVoid ? (
          <View style={pdfStyles.voidNote}>
            <Text style={pdfStyles.bold}>{`This invoice is void${invoice.voidedAt ? ` since ${dateText(invoice.voidedAt)}` : ""}. Nothing is owed on it.`}</Text>
            <Text>{`Reason: ${invoice.voidReason ?? "not recorded"}`}</Text>
          </View>
        ) : null}

        <View style={pdfStyles.row}>
          <InfoBlock title="Bill to">
            <AddressLines name={invoice.customer.name} address={invoice.billTo} />
            <Text style={pdfStyles.muted}>{`Customer ${invoice.customer.code}`}</Text>
          </InfoBlock>
          <InfoBlock title="Ship to">
            <AddressLines address={invoice.shipTo} />
          </InfoBlock>
          <InfoBlock title="References">
            <Text>{`Order ${invoice.order}`}</Text>
            <Text>{`Your PO ${invoice.customerReference ?? "—"}`}</Text>
            {invoice.shipment ? <Text>{`Shipment ${invoice.shipment}`}</Text> : null}
          </InfoBlock>
        </View>

        <LineTable
          columns={INVOICE_COLUMNS}
          rows={invoice.lines.map((l) => ({
            key: l.lineNo,
            cells: [l.sku, l.description, String(l.quantity), money(l.unitPrice), l.discount ? money(-l.discount) : "—", money(l.lineTotal), taxRateText(l.taxRatePpm), money(l.tax)],
          }))}
        />

        <View style={pdfStyles.below}>
          <TaxSummary taxes={invoice.taxes} money={money} />
          <TotalsBlock rows={totals} />
        </View>

        {!isVoid ? (
          <View style={pdfStyles.note} wrap={false}>
            <Text style={pdfStyles.label}>Payment</Text>
            <Text>{isDraft ? `${terms}. The due date is set when the invoice is issued.` : `${terms}: please pay ${money(invoice.balance)} by ${dateText(invoice.dueDate)}.`}</Text>
            <Text style={{ marginTop: 3 }}>{company.remittance}</Text>
            {invoice.number ? <Text style={[pdfStyles.muted, { marginTop: 3 }]}>{`Reference: ${invoice.number}`}</Text> : null}
          </View>
        ) : null}

        <PdfFooter text={`${company.companyName} · Invoice ${number} · Order ${invoice.order}`} />
      </Page>
    </Document>
  );
}
