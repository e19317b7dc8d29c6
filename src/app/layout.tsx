import type { Metadata } from "next";
import { Toaster } from "~/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orderdesk", template: "%s · Orderdesk" },
  description: "Back-office order management: capture, pricing, inventory, fulfillment, billing.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Toaster />
      </body>
    </html>
  );
}
