import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { TPickList } from "~/server/fulfillment/schemas";

const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 10, fontFamily: "Helvetica", color: "#18181b" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 18 },
  brand: { fontSize: 14, fontFamily: "Helvetica-Bold", color: "#4f46e5" },
  title: { fontSize: 20, fontFamily: "Helvetica-Bold", textAlign: "right" },
  muted: { color: "#52525b" },
  label: { fontSize: 8, color: "#52525b", textTransform: "uppercase", marginBottom: 3 },
  th: { flexDirection: "row", borderBottom: "1.5 solid #18181b", paddingVertical: 5, fontFamily: "Helvetica-Bold", fontSize: 9 },
  tr: { flexDirection: "row", borderBottom: "0.5 solid #a1a1aa", paddingVertical: 7 },
  cBin: { width: "17%", fontSize: 16, fontFamily: "Helvetica-Bold" },
  cSku: { width: "33%" },
  cQty: { width: "10%", textAlign: "right", fontSize: 16, fontFamily: "Helvetica-Bold", paddingRight: 10 },
  cTo: { width: "40%" },
  toRow: { flexDirection: "row", justifyContent: "space-between", marginBottom: 3 },
  box: { width: 10, height: 10, border: "1 solid #18181b", marginRight: 5 },
  shipments: { marginTop: 18 },
  shipmentRow: { flexDirection: "row", borderBottom: "0.5 solid #e4e4e7", paddingVertical: 4 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#52525b", flexDirection: "row", justifyContent: "space-between" },
});

/** A pick list to walk the warehouse with: bins large, in walking order, a box to tick per shipment. */
export function PickListPdf({ list }: { list: TPickList }) {
  const units = list.picks.reduce((sum, p) => sum + p.quantity, 0);
  return (
    <Document title={`Pick list ${list.number}`} author="Orderdesk">
      <Page size="LETTER" style={styles.page}>
        <View style={styles.header}>
          <View>
            <Text style={styles.brand}>Orderdesk</Text>
            <Text style={styles.muted}>{`${list.warehouseName} (${list.warehouse})`}</Text>
          </View>
          <View>
            <Text style={styles.title}>{`Pick list ${list.number}`}</Text>
            <Text style={[styles.muted, { textAlign: "right" }]}>{`Created ${list.createdAt.slice(0, 16).replace("T", " ")} UTC by ${list.createdBy}`}</Text>
            <Text style={{ textAlign: "right" }}>{`${list.picks.length} SKUs · ${units} units · ${list.shipments.length} shipments`}</Text>
          </View>
        </View>

        <View style={styles.th} fixed>
          <Text style={[styles.cBin, { fontSize: 9 }]}>Bin</Text>
          <Text style={styles.cSku}>SKU and product</Text>
          <Text style={[styles.cQty, { fontSize: 9 }]}>Qty</Text>
          <Text style={styles.cTo}>Goes to (tick when picked)</Text>
        </View>
        {list.picks.map((pick) => {
          const byShipment = new Map<string, { order: string; quantity: number }>();
          for (const s of pick.shipments) {
            const seen = byShipment.get(s.number);
            byShipment.set(s.number, { order: s.order, quantity: (seen?.quantity ?? 0) + s.quantity });
          }
          return (
            <View key={pick.sku} style={styles.tr} wrap={false}>
              <Text style={styles.cBin}>{pick.bin ?? "—"}</Text>
              <View style={styles.cSku}>
                <Text style={{ fontFamily: "Helvetica-Bold" }}>{pick.sku}</Text>
                <Text style={styles.muted}>{pick.productName}</Text>
              </View>
              <Text style={styles.cQty}>{String(pick.quantity)}</Text>
              <View style={styles.cTo}>
                {[...byShipment].map(([number, s]) => (
                  <View key={number} style={styles.toRow}>
                    <View style={{ flexDirection: "row", alignItems: "center" }}>
                      <View style={styles.box} />
                      <Text>{`${number}  ${s.order}`}</Text>
                    </View>
                    <Text style={{ fontFamily: "Helvetica-Bold" }}>{String(s.quantity)}</Text>
                  </View>
                ))}
              </View>
            </View>
          );
        })}

        <View style={styles.shipments} wrap={false}>
          <Text style={styles.label}>Shipments on this list</Text>
          {list.shipments.map((s) => (
            <View key={s.number} style={styles.shipmentRow}>
              <Text style={{ width: "20%" }}>{s.number}</Text>
              <Text style={{ width: "20%" }}>{s.order}</Text>
              <Text style={{ width: "60%" }}>{s.customerName}</Text>
            </View>
          ))}
        </View>

        <View style={styles.footer} fixed>
          <Text>{`Pick list ${list.number} · ${list.warehouse}`}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
