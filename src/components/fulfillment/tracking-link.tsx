import { cn } from "~/lib/utils";
import type { TShipment } from "~/server/fulfillment/schemas";

/** "UPS 1Z…" linking to the carrier's tracking page in a new tab. */
export function TrackingLink({ shipment, className }: { shipment: Pick<TShipment, "carrier" | "trackingNumber" | "trackingUrl" | "service">; className?: string }) {
  if (!shipment.trackingNumber) return <span className="text-muted-foreground">—</span>;
  const text = (
    <>
      {shipment.carrier?.name ?? ""}
      {shipment.service ? ` ${shipment.service}` : ""} <span className="font-mono text-xs whitespace-nowrap">{shipment.trackingNumber}</span>
    </>
  );
  if (!shipment.trackingUrl) return <span className={className}>{text}</span>;
  return (
    <a href={shipment.trackingUrl} target="_blank" rel="noopener noreferrer" className={cn("text-primary hover:underline", className)}>
      {text}
      <span className="sr-only"> (tracking, opens in a new tab)</span>
    </a>
  );
}
