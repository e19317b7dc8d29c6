import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { PoliciesPanel } from "~/components/admin/policies/policies-panel";
import { RulesPanel } from "~/components/admin/policies/rules-panel";
import { policyTabOf, POLICY_TABS } from "~/components/admin/policies/tabs";
import { TransitPanel } from "~/components/admin/policies/transit-panel";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { SectionTabs } from "~/components/ui/section-tabs";
import { can } from "~/server/auth/permissions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TABS = POLICY_TABS.map((t) => ({ id: t.id, label: t.label, href: `/admin/policies?tab=${t.id}` }));

function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }) {
  const tab = policyTabOf(firstParam((await searchParams).tab));
  return { title: `${POLICY_TABS.find((t) => t.id === tab)?.label ?? "Policies"} · Orchestration` };
}

/** `/admin/policies`: the orchestration policies, the rules choosing one per order, and transit times. Admins edit; managers read. */
export default async function PoliciesAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const tab = policyTabOf(firstParam((await searchParams).tab));
  const actor = await requirePermission("admin.view", `/admin/policies?tab=${tab}`);
  const canManage = can(actor.role, "policies.manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Orchestration policies"
        description="The route an order takes from reserve to payment, how long each step may take and who owns it; which policy each order follows; and days in transit to the customer. Together they make an order's promise date."
        actions={canManage ? undefined : <Badge variant="outline">Read-only: only admins change policies</Badge>}
      />
      <SectionTabs label="Orchestration sections" tabs={TABS} current={tab} />
      {tab === "policies" && <PoliciesPanel canManage={canManage} />}
      {tab === "rules" && <RulesPanel canManage={canManage} />}
      {tab === "transit" && <TransitPanel canManage={canManage} />}
    </>
  );
}
