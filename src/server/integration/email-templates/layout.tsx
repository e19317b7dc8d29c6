import type { ReactNode } from "react";

/**
 * The frame of every customer e-mail: a single centred column with inline styles (mail clients drop <style>
 * blocks and ignore most CSS), the company name on top and a short footer.
 */
export function EmailLayout({ title, preview, children }: { title: string; preview: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", color: "#18181b" }}>
        <div style={{ display: "none", maxHeight: 0, overflow: "hidden" }}>{preview}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f4f4f5" }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: 600, backgroundColor: "#ffffff", borderRadius: 6 }}>
                  <tbody>
                    <tr>
                      <td style={{ padding: "20px 28px", borderBottom: "1px solid #e4e4e7", fontSize: 18, fontWeight: 700, color: "#4f46e5" }}>Orderdesk</td>
                    </tr>
                    <tr>
                      <td style={{ padding: "24px 28px", fontSize: 15, lineHeight: 1.5 }}>{children}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: "16px 28px", borderTop: "1px solid #e4e4e7", fontSize: 12, color: "#71717a" }}>
                        This message was sent by Orderdesk about your account with us. Reply to this e-mail if anything is not right.
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function Greeting({ name }: { name: string }) {
  return <p style={{ margin: "0 0 16px" }}>Dear {name},</p>;
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <p style={{ margin: "0 0 16px" }}>{children}</p>;
}

/** Label–value rows (order number, total, due date…). */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "0 0 16px", fontSize: 14 }}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td style={{ padding: "2px 16px 2px 0", color: "#71717a" }}>{label}</td>
            <td style={{ padding: "2px 0", fontWeight: 600 }}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Quantity × SKU lines. */
export function Items({ rows }: { rows: { key: string; quantity: number; sku: string; note?: string }[] }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ margin: "0 0 16px", fontSize: 14, borderTop: "1px solid #e4e4e7" }}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td style={{ padding: "6px 12px 6px 0", borderBottom: "1px solid #e4e4e7", width: 48, textAlign: "right" }}>{r.quantity} ×</td>
            <td style={{ padding: "6px 0", borderBottom: "1px solid #e4e4e7", fontFamily: "Menlo, Consolas, monospace" }}>
              {r.sku}
              {r.note ? <span style={{ color: "#71717a", fontFamily: "Helvetica, Arial, sans-serif" }}> ({r.note})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Signature() {
  return <p style={{ margin: "24px 0 0" }}>Orderdesk</p>;
}
