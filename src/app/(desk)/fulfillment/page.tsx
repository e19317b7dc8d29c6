import { Truck } from "lucide-react";
import { AreaEmpty } from "~/components/shell/area-empty";
import { requirePermission } from "~/app/(desk)/guard";

export const metadata = { title: "Fulfillment" };

export default async function FulfillmentPage() {
  await requirePermission("fulfillment.view", "/fulfillment");
  return (
    <AreaEmpty
      title="Fulfillment"
      description="Pick lists, packing and shipments per warehouse."
      icon={Truck}
      emptyTitle="No shipments yet"
      emptyDescription="Shipments planned from reserved stock will appear here to pick, pack and ship."
    />
  );
}
