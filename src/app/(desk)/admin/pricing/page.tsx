import { requirePermission } from "~/app/(desk)/guard";
import { DiscountRulesPanel } from "~/components/pricing/discount-rules-panel";
import { OverrideLimitsPanel } from "~/components/pricing/override-limits-panel";
import { PriceListsPanel } from "~/components/pricing/price-lists-panel";
import { PricingTabs } from "~/components/pricing/pricing-tabs";
import { ReadOnlyNote } from "~/components/pricing/shared";
import { SimulatorPanel } from "~/components/pricing/simulator-panel";
import { pricingTabOf, PRICING_TABS } from "~/components/pricing/tabs";
import { TaxRatesPanel } from "~/components/pricing/tax-rates-panel";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const tab = pricingTabOf(firstParam((await searchParams).tab));
  return { title: `${PRICING_TABS.find((t) => t.id === tab)?.label ?? "Pricing"} · Pricing` };
}

function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function PricingAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const tab = pricingTabOf(firstParam((await searchParams).tab));
  const actor = await requirePermission("pricing.view", `/admin/pricing?tab=${tab}`);
  const canManage = can(actor.role, "pricing.manage");
  return (
    <>
      <PageHeader
        title="Pricing"
        description="How orders are priced: price lists and quantity tiers, discount rules, tax rates and how far each role may override. Every change is versioned."
        actions={canManage ? undefined : <ReadOnlyNote />}
      />
      <PricingTabs current={tab} />
      {tab === "price-lists" && <PriceListsPanel canManage={canManage} />}
      {tab === "discount-rules" && <DiscountRulesPanel canManage={canManage} />}
      {tab === "tax-rates" && <TaxRatesPanel canManage={canManage} />}
      {tab === "override-limits" && <OverrideLimitsPanel canManage={canManage} />}
      {tab === "simulator" && <SimulatorPanel />}
    </>
  );
}
