import { SectionTabs } from "~/components/ui/section-tabs";
import { PRICING_TABS, type PricingTab } from "./tabs";

const TABS = PRICING_TABS.map((t) => ({ id: t.id, label: t.label, href: `/admin/pricing?tab=${t.id}` }));

/** The sections of pricing administration as links (each tab is its own URL: ?tab=…). */
export function PricingTabs({ current }: { current: PricingTab }) {
  return <SectionTabs label="Pricing sections" tabs={TABS} current={current} />;
}
