import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatMoney } from "~/lib/money";
import { AGING_BUCKETS, type AgingBucket } from "~/server/billing/constants";
import type { TBillingSettings, TStatement } from "~/server/billing/schemas";
import { formatDate } from "~/lib/format-date";

const BUCKETS: Record<AgingBucket, string> = { current: "Current", "1-30": "1–30 days", "31-60": "31–60 days", "61-90": "61–90 days", "90+": "Over 90 days" };

const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingHorizontal: 40, paddingBottom: 60, fontSize: 9.5, fontFamily: "Helvetica", color: "#18181b" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 22 },
  company: { width: "55%" },
  brand: { fontSize: 14, fontFamily: "Helvetica-Bold", color: "#4f46e5", marginBottom: 3 },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", textAlign: "right" },
  right: { textAlign: "right" },
  muted: { color: "#52525b" },
  bold: { fontFamily: "Helvetica-Bold" },
  row: { flexDirection: "row" },
  block: { width: "50%", marginBottom: 14 },
  label: { fontSize: 7.5, color: "#52525b", textTransform: "uppercase", marginBottom: 3, letterSpacing: 0.3 },
  summary: { flexDirection: "row", marginBottom: 14, border: "1 solid #e4e4e7", borderRadius: 3 },
  summaryCell: { flex: 1, paddingVertical: 6, paddingHorizontal: 8, borderRight: "1 solid #e4e4e7" },
  summaryLast: { flex: 1, paddingVertical: 6, paddingHorizontal: 8, backgroundColor: "#f4f4f5" },
  summaryValue: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 2 },
  buckets: { flexDirection: "row", marginBottom: 16 },
  bucket: { flex: 1, paddingVertical: 4, paddingHorizontal: 6, borderBottom: "2 solid #e4e4e7" },
  section: { fontSize: 10.5, fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 4 },
  th: { flexDirection: "row", borderBottom: "1 solid #d4d4d8", paddingVertical: 4, fontFamily: "Helvetica-Bold", fontSize: 8.5 },
  tr: { flexDirection: "row", borderBottom: "0.5 solid #e4e4e7", paddingVertical: 4 },
  tfoot: { flexDirection: "row", paddingVertical: 5, fontFamily: "Helvetica-Bold", borderTop: "1 solid #d4d4d8" },
  cInv: { width: "15%" },
  cOrder: { width: "13%" },
  cRef: { width: "14%" },
  cDate: { width: "11%" },
  cAge: { width: "9%", textAlign: "right" },
  cNum: { width: "12%", textAlign: "right" },
  cKind: { width: "18%" },
  cLabel: { width: "52%" },
  cCreditDate: { width: "15%" },
  cCredit: { width: "15%", textAlign: "right" },
  empty: { paddingVertical: 6, color: "#52525b" },
  remit: { marginTop: 18, padding: 8, border: "1 solid #e4e4e7", borderRadius: 3 },
  footer: { position: "absolute", bottom: 28, left: 40, right: 40, fontSize: 7.5, color: "#52525b", textAlign: "center" },
});

export type StatementCompany = Pick<TBillingSettings, "companyName" | "companyAddress" | "taxId" | "remittance">;

/** "Nov 21, 2026" from "2026-11-21", without time-zone shifts. */
function day(value: string) {
  return formatDate(value.slice(0, 10), { locale: "en-US" });
}

/**
 * A customer's statement of account on a day: the company header, the customer, what is owed by age,
 * each open invoice with its balance, the unapplied credit, the balance after credit and how to pay.
 */
export function StatementPdf({ statement, company }: { statement: TStatement; company: StatementCompany }) {
  const { currency, customer } = statement;
  const money = (amount: number) => formatMoney(amount, currency, "en-US");
  const address = customer.billingAddress;
  return (
    <Document title={`Statement ${customer.code} ${statement.asOf}`} author={company.companyName} subject={`Statement of account for ${customer.name}`}>
      <Page size="LETTER" style={styles.page}>
        <View style={styles.header}>
          <View style={styles.company}>
            <Text style={styles.brand}>{company.companyName}</Text>
            {company.companyAddress.split("\n").map((line, i) => (
              <Text key={i} style={styles.muted}>
                {line}
              </Text>
            ))}
            {company.taxId ? <Text style={styles.muted}>{`Tax ID ${company.taxId}`}</Text> : null}
          </View>
          <View>
            <Text style={styles.title}>Statement</Text>
            <Text style={styles.right}>{`As of ${day(statement.asOf)}`}</Text>
            <Text style={[styles.muted, styles.right]}>{`Account ${customer.code}`}</Text>
          </View>
        </View>

        <View style={styles.row}>
          <View style={styles.block}>
            <Text style={styles.label}>Bill to</Text>
            <Text style={styles.bold}>{customer.name}</Text>
            {address ? (
              <>
                <Text>{address.line1}</Text>
                <Text>{`${address.city}${address.region ? `, ${address.region}` : ""} ${address.postalCode}`}</Text>
                <Text>{address.country}</Text>
              </>
            ) : (
              <Text style={styles.muted}>No billing address on file</Text>
            )}
          </View>
          <View style={styles.block}>
            <Text style={styles.label}>Terms</Text>
            <Text>{customer.paymentTermsDays === 0 ? "Prepaid" : `Net ${customer.paymentTermsDays} days`}</Text>
            <Text style={styles.muted}>{`Amounts in ${currency}`}</Text>
          </View>
        </View>

        <View style={styles.summary}>
          <View style={styles.summaryCell}>
            <Text style={styles.label}>Open invoices</Text>
            <Text style={styles.summaryValue}>{money(statement.totalDue)}</Text>
          </View>
          <View style={styles.summaryCell}>
            <Text style={styles.label}>Unapplied credit</Text>
            <Text style={styles.summaryValue}>{statement.totalCredit > 0 ? `-${money(statement.totalCredit)}` : money(0)}</Text>
          </View>
          <View style={styles.summaryLast}>
            <Text style={styles.label}>{statement.balance < 0 ? "Credit in your favour" : "Balance after credit"}</Text>
            <Text style={styles.summaryValue}>{money(Math.abs(statement.balance))}</Text>
          </View>
        </View>

        <View style={styles.buckets}>
          {AGING_BUCKETS.map((b) => (
            <View key={b} style={styles.bucket}>
              <Text style={styles.label}>{BUCKETS[b]}</Text>
              <Text style={statement.buckets[b] > 0 && b !== "current" ? styles.bold : undefined}>{money(statement.buckets[b])}</Text>
            </View>
          ))}
        </View>

        <Text style={styles.section}>Open invoices</Text>
        <View style={styles.th}>
          <Text style={styles.cInv}>Invoice</Text>
          <Text style={styles.cOrder}>Order</Text>
          <Text style={styles.cRef}>Your reference</Text>
          <Text style={styles.cDate}>Issued</Text>
          <Text style={styles.cDate}>Due</Text>
          <Text style={styles.cAge}>Days late</Text>
          <Text style={styles.cNum}>Total</Text>
          <Text style={styles.cNum}>Balance</Text>
        </View>
        {statement.openInvoices.length === 0 ? (
          <Text style={styles.empty}>Nothing is open on this date.</Text>
        ) : (
          statement.openInvoices.map((i) => (
            <View key={i.number} style={styles.tr} wrap={false}>
              <Text style={styles.cInv}>{i.number}</Text>
              <Text style={styles.cOrder}>{i.order}</Text>
              <Text style={styles.cRef}>{i.customerReference ?? ""}</Text>
              <Text style={styles.cDate}>{day(i.issueDate)}</Text>
              <Text style={styles.cDate}>{day(i.dueDate)}</Text>
              <Text style={styles.cAge}>{i.daysOverdue > 0 ? String(i.daysOverdue) : "—"}</Text>
              <Text style={styles.cNum}>{money(i.total)}</Text>
              <Text style={[styles.cNum, styles.bold]}>{money(i.balance)}</Text>
            </View>
          ))
        )}
        {statement.openInvoices.length > 0 && (
          <View style={styles.tfoot} wrap={false}>
            <Text style={{ width: "76%" }}>Total open</Text>
            <Text style={{ width: "24%", textAlign: "right" }}>{money(statement.totalDue)}</Text>
          </View>
        )}

        {statement.credits.length > 0 && (
          <View wrap={false}>
            <Text style={styles.section}>Unapplied credit</Text>
            <View style={styles.th}>
              <Text style={styles.cKind}>Kind</Text>
              <Text style={styles.cLabel}>Reference</Text>
              <Text style={styles.cCreditDate}>Date</Text>
              <Text style={styles.cCredit}>Amount</Text>
            </View>
            {statement.credits.map((c, i) => (
              <View key={`${c.label}-${i}`} style={styles.tr}>
                <Text style={styles.cKind}>{c.kind === "payment" ? "Payment" : "Credit note"}</Text>
                <Text style={styles.cLabel}>{c.label}</Text>
                <Text style={styles.cCreditDate}>{day(c.date)}</Text>
                <Text style={styles.cCredit}>{`-${money(c.amount)}`}</Text>
              </View>
            ))}
          </View>
        )}

        <View style={styles.remit} wrap={false}>
          <Text style={styles.label}>How to pay</Text>
          <Text>{company.remittance}</Text>
          <Text style={[styles.muted, { marginTop: 4 }]}>Please quote the invoice numbers with your payment. If you have paid recently, thank you: payments after the date above are not shown.</Text>
        </View>

        <Text style={styles.footer} render={({ pageNumber, totalPages }) => `${company.companyName} · statement for ${customer.code} as of ${statement.asOf} · Page ${pageNumber} of ${totalPages}`} fixed />
      </Page>
    </Document>
  );
}
