import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { TCreditNote } from "~/server/billing/schemas";
import {
  dateText,
  DocumentHeader,
  InfoBlock,
  LineTable,
  moneyIn,
  PdfFooter,
  pdfStyles,
  TaxSummary,
  taxRateText,
  TotalsBlock,
  type CompanyHeader,
  type PdfColumn,
} from "./invoice-pdf";

const KIND_TITLES: Record<TCreditNote["kind"], string> = { return: "Goods returned", price_correction: "Price correction" };

const COLUMNS: PdfColumn[] = [
  { title: "SKU", width: "15%" },
  { title: "Description", width: "37%" },
  { title: "Qty", width: "8%", numeric: true },
  { title: "Net", width: "14%", numeric: true },
  { title: "Tax rate", width: "12%", numeric: true },
  { title: "Tax", width: "14%", numeric: true },
];

/** A credit note: the invoice's building blocks, with what it credits, why, and what became of the credit. */
export function CreditNotePdf({ note, company }: { note: TCreditNote; company: CompanyHeader }) {
  const money = moneyIn(note.currency);
  const totals: { label: string; value: string; style?: "grand" | "due" }[] = [
    { label: "Net credited", value: money(note.subtotal) },
    { label: "Tax", value: money(note.taxTotal) },
    { label: "Total credit", value: money(note.total), style: "grand" },
  ];
  if (note.amountApplied) totals.push({ label: "Applied to invoices", value: money(-note.amountApplied) });
  if (note.amountRefunded) totals.push({ label: "Refunded", value: money(-note.amountRefunded) });
  totals.push({ label: "Credit remaining", value: money(note.remaining), style: "due" });
  const applied = note.allocations.filter((a) => !a.reversed);

  return (
    <Document title={`Credit note ${note.number}`} author={company.companyName} subject={`Credit note ${note.number} for ${note.customer.name}`}>
      <Page size="LETTER" style={pdfStyles.page}>
        <DocumentHeader
          company={company}
          title="Credit note"
          number={note.number}
          meta={[
            ["Issue date", dateText(note.issueDate)],
            ["Kind", KIND_TITLES[note.kind]],
          ]}
        />

        <View style={pdfStyles.row}>
          <InfoBlock title="Credit to">
            <Text style={pdfStyles.bold}>{note.customer.name}</Text>
            <Text style={pdfStyles.muted}>{`Customer ${note.customer.code}`}</Text>
          </InfoBlock>
          <InfoBlock title="References">
            {note.order ? <Text>{`Order ${note.order}`}</Text> : null}
            {note.invoice ? <Text>{`Invoice ${note.invoice}`}</Text> : null}
            {note.return ? <Text>{`Return ${note.return}`}</Text> : null}
            {!note.order && !note.invoice && !note.return ? <Text style={pdfStyles.muted}>—</Text> : null}
          </InfoBlock>
          <InfoBlock title="Reason">
            <Text>{note.reason}</Text>
          </InfoBlock>
        </View>

        <LineTable
          columns={COLUMNS}
          rows={note.lines.map((l, i) => ({
            key: i,
            cells: [l.sku ?? "—", l.description, l.quantity === null ? "—" : String(l.quantity), money(l.amount), taxRateText(l.taxRatePpm), money(l.tax)],
          }))}
        />

        <View style={pdfStyles.below}>
          <TaxSummary taxes={note.taxes} money={money} />
          <TotalsBlock rows={totals} />
        </View>

        {applied.length > 0 || note.refunds.length > 0 ? (
          <View style={pdfStyles.note} wrap={false}>
            <Text style={pdfStyles.label}>What became of the credit</Text>
            {applied.map((a) => (
              <Text key={a.id}>{`${dateText(a.appliedOn)}  Applied to invoice ${a.invoice}: ${money(a.amount)}`}</Text>
            ))}
            {note.refunds.map((r) => (
              <Text key={r.id}>{`${dateText(r.refundedOn)}  Refunded${r.reference ? ` (${r.reference})` : ""}: ${money(r.amount)}`}</Text>
            ))}
          </View>
        ) : null}
        {note.remaining > 0 ? (
          <View style={[pdfStyles.note, { marginTop: 8 }]} wrap={false}>
            <Text>{`${money(note.remaining)} stays on your account as credit: it is applied to your next invoices, or refunded on request.`}</Text>
          </View>
        ) : null}

        <PdfFooter text={`${company.companyName} · Credit note ${note.number}${note.invoice ? ` · Invoice ${note.invoice}` : ""}`} />
      </Page>
    </Document>
  );
}
