import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDimensions, formatWeight } from "~/components/fulfillment/units";
import type { TShipment } from "~/server/fulfillment/schemas";
import type { TOrder } from "~/server/orders/schemas";

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: "Helvetica", color: "#18181b" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  brand: { fontSize: 16, fontFamily: "Helvetica-Bold", color: "#4f46e5" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", textAlign: "right" },
  muted: { color: "#52525b" },
  row: { flexDirection: "row" },
  block: { width: "50%", marginBottom: 16 },
  label: { fontSize: 8, color: "#52525b", textTransform: "uppercase", marginBottom: 3 },
  pkg: { marginTop: 12, border: "1 solid #e4e4e7", borderRadius: 3 },
  pkgHead: { flexDirection: "row", justifyContent: "space-between", backgroundColor: "#f4f4f5", paddingVertical: 5, paddingHorizontal: 8, fontFamily: "Helvetica-Bold" },
  th: { flexDirection: "row", borderBottom: "1 solid #e4e4e7", paddingVertical: 4, paddingHorizontal: 8, fontFamily: "Helvetica-Bold", fontSize: 9 },
  tr: { flexDirection: "row", borderBottom: "0.5 solid #f4f4f5", paddingVertical: 4, paddingHorizontal: 8 },
  cSku: { width: "25%" },
  cName: { width: "60%" },
  cQty: { width: "15%", textAlign: "right" },
  footer: { position: "absolute", bottom: 30, left: 40, right: 40, fontSize: 8, color: "#52525b", textAlign: "center" },
});

/** What goes in the box with the goods: ship-to, the order and the customer's reference, and what is in each package. */
export function PackingSlipPdf({ shipment, order }: { shipment: TShipment; order: Pick<TOrder, "number" | "customerName" | "customer" | "customerReference" | "shipTo"> }) {
  const names = new Map(shipment.lines.map((l) => [l.sku, l.productName]));
  // Not packed yet: everything picked (or planned) as one package.
  const packages =
    shipment.packages.length > 0
      ? shipment.packages.map((p) => ({ title: `Package ${p.packageNo} of ${shipment.packages.length}`, detail: [formatWeight(p.weightGrams), formatDimensions(p.lengthMm, p.widthMm, p.heightMm)].filter(Boolean).join(" · "), items: p.items }))
      : [{ title: "Contents", detail: "", items: shipment.lines.map((l) => ({ sku: l.sku, quantity: l.picked ?? l.quantity })).filter((i) => i.quantity > 0) }];
  const address = order.shipTo;
  return (
    <Document title={`Packing slip ${shipment.number}`} author="Orderdesk">
      <Page size="LETTER" style={styles.page}>
        <View style={styles.header}>
          <View>
            <Text style={styles.brand}>Orderdesk</Text>
            <Text style={styles.muted}>{`Shipped from ${shipment.warehouse}`}</Text>
          </View>
          <View>
            <Text style={styles.title}>Packing slip</Text>
            <Text style={{ textAlign: "right" }}>{shipment.number}</Text>
            <Text style={[styles.muted, { textAlign: "right" }]}>{`Date ${(shipment.shippedAt ?? shipment.packedAt ?? shipment.createdAt).slice(0, 10)}`}</Text>
          </View>
        </View>

        <View style={styles.row}>
          <View style={styles.block}>
            <Text style={styles.label}>Ship to</Text>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>{order.customerName}</Text>
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
          <View style={styles.block}>
            <Text style={styles.label}>Order</Text>
            <Text>{order.number}</Text>
            <Text style={styles.muted}>{`Customer ${order.customer}`}</Text>
            {order.customerReference ? <Text>{`Your reference: ${order.customerReference}`}</Text> : null}
            {shipment.trackingNumber ? <Text style={{ marginTop: 6 }}>{`${shipment.carrier?.name ?? ""} ${shipment.service ?? ""} ${shipment.trackingNumber}`.replace(/\s+/g, " ").trim()}</Text> : null}
          </View>
        </View>

        {packages.map((p) => (
          <View key={p.title} style={styles.pkg} wrap={false}>
            <View style={styles.pkgHead}>
              <Text>{p.title}</Text>
              <Text>{p.detail}</Text>
            </View>
            <View style={styles.th}>
              <Text style={styles.cSku}>SKU</Text>
              <Text style={styles.cName}>Description</Text>
              <Text style={styles.cQty}>Qty</Text>
            </View>
            {p.items.map((i) => (
              <View key={i.sku} style={styles.tr}>
                <Text style={styles.cSku}>{i.sku}</Text>
                <Text style={styles.cName}>{names.get(i.sku) ?? ""}</Text>
                <Text style={styles.cQty}>{String(i.quantity)}</Text>
              </View>
            ))}
          </View>
        ))}

        <Text style={styles.footer} render={({ pageNumber, totalPages }) => `${shipment.number} · order ${order.number} · Page ${pageNumber} of ${totalPages}`} fixed />
      </Page>
    </Document>
  );
}
