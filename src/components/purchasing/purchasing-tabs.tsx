import { SectionTabs } from "~/components/ui/section-tabs";

const TABS = [
  { id: "orders", label: "Purchase orders", href: "/purchasing" },
  { id: "vendors", label: "Vendors", href: "/purchasing/vendors" },
] as const;

/** Purchase orders and vendors, as links under the page header. */
export function PurchasingTabs({ current }: { current: (typeof TABS)[number]["id"] }) {
  return <SectionTabs label="Purchasing sections" tabs={TABS} current={current} />;
}
