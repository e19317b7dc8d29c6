import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatMoney } from "~/lib/money";
import type { TOrder } from "~/server/orders/schemas";

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: "Helvetica", color: "#18181b" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  brand: { fontSize: 16, fontFamily: "Helvetica-Bold", color: "#4f46e5" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", textAlign: "right" },
  muted: { color: "#71717a" },
  row: { flexDirection: "row" },
  block: { width: "50%", marginBottom: 16 },
  label: { fontSize: 8, color: "#71717a", textTransform: "uppercase", marginBottom: 3 },
  table: { marginTop: 8, borderTop: "1 solid #e4e4e7" },
  th: { flexDirection: "row", borderBottom: "1 solid #e4e4e7", paddingVertical: 5, fontFamily: "Helvetica-Bold", fontSize: 9 },
  tr: { flexDirection: "row", borderBottom: "0.5 solid #f4f4f5", paddingVertical: 5 },
  cSku: { width: "16%" },
  cName: { width: "42%" },
  cNum: { width: "14%", textAlign: "right" },
  totals: { marginTop: 12, marginLeft: "auto", width: "40%" },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grand: { fontFamily: "Helvetica-Bold", fontSize: 12, borderTop: "1 solid #18181b", paddingTop: 4, marginTop: 4 },
  footer: { position: "absolute", bottom: 30, left: 40, right: 40, fontSize: 8, color: "#71717a", textAlign: "center" },
});

function Address({ title, address }: { title: string; address: TOrder["shipTo"] }) {
  return (
    <View style={styles.block}>
      <Text style={styles.label}>{title}</Text>
      {address ? (
        <>
          <Text>{address.line1}</Text>
          <Text>{`${address.city}${address.region ? `, ${address.region}` : ""} ${address.postalCode}`}</Text>
          <Text>{address.country}</Text>
        </>
      ) : (
        <Text style={styles.muted}>—</Text>
      )}
    </View>
  );
}

/** A quote (or order confirmation) as a printable A4/Letter PDF. Amounts formatted in en-US. */
export function OrderPdf({ order }: { order: TOrder }) {
  const money = (amount: number) => formatMoney(amount, order.currency, "en-US");
  const isQuote = order.kind === "quote";
  return (
    <Document title={`${isQuote ? "Quote" : "Order"} ${order.number}`} author="Orderdesk">
      <Page size="LETTER" style={styles.page}>
        <View style={styles.header}>
          <View>
            <Text style={styles.brand}>Orderdesk</Text>
            <Text style={styles.muted}>Wholesale distribution</Text>
          </View>
          <View>
            <Text style={styles.title}>{isQuote ? "Quote" : "Order confirmation"}</Text>
            <Text style={{ textAlign: "right" }}>{order.number}</Text>
            <Text style={[styles.muted, { textAlign: "right" }]}>{`Date ${order.createdAt.slice(0, 10)}`}</Text>
            {isQuote && order.validUntil ? <Text style={{ textAlign: "right" }}>{`Valid until ${order.validUntil}`}</Text> : null}
          </View>
        </View>

        <View style={styles.row}>
          <View style={styles.block}>
            <Text style={styles.label}>Customer</Text>
            <Text>{order.customerName}</Text>
            <Text style={styles.muted}>{order.customer}</Text>
            {order.customerReference ? <Text>{`Your reference: ${order.customerReference}`}</Text> : null}
          </View>
          <Address title="Ship to" address={order.shipTo} />
        </View>

        <View style={styles.table}>
          <View style={styles.th}>
            <Text style={styles.cSku}>SKU</Text>
            <Text style={styles.cName}>Description</Text>
            <Text style={styles.cNum}>Qty</Text>
            <Text style={styles.cNum}>Unit price</Text>
            <Text style={styles.cNum}>Amount</Text>
          </View>
          {order.lines.map((line) => (
            <View key={line.lineNo} style={styles.tr} wrap={false}>
              <Text style={styles.cSku}>{line.sku}</Text>
              <Text style={styles.cName}>{line.productName}</Text>
              <Text style={styles.cNum}>{String(line.quantity)}</Text>
              <Text style={styles.cNum}>{money(line.unitPrice)}</Text>
              <Text style={styles.cNum}>{money(line.lineTotal)}</Text>
            </View>
          ))}
        </View>

        <View style={styles.totals}>
          <View style={styles.totalRow}>
            <Text>Subtotal</Text>
            <Text>{money(order.subtotal)}</Text>
          </View>
          {order.discountTotal ? (
            <View style={styles.totalRow}>
              <Text>Discounts</Text>
              <Text>{money(-order.discountTotal)}</Text>
            </View>
          ) : null}
          <View style={styles.totalRow}>
            <Text>Tax</Text>
            <Text>{money(order.taxTotal)}</Text>
          </View>
          {order.shippingTotal ? (
            <View style={styles.totalRow}>
              <Text>Shipping</Text>
              <Text>{money(order.shippingTotal)}</Text>
            </View>
          ) : null}
          <View style={[styles.totalRow, styles.grand]}>
            <Text>Total</Text>
            <Text>{money(order.total)}</Text>
          </View>
        </View>

        {order.notes ? (
          <View style={{ marginTop: 24 }}>
            <Text style={styles.label}>Notes</Text>
            <Text>{order.notes}</Text>
          </View>
        ) : null}
        <Text
          style={styles.footer}
          render={({ pageNumber, totalPages }) =>
            `${isQuote ? "Prices are valid until the date above and subject to stock availability." : ""} Page ${pageNumber} of ${totalPages}`
          }
          fixed
        />
      </Page>
    </Document>
  );
}
