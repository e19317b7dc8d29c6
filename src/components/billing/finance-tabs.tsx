import { SectionTabs } from "~/components/ui/section-tabs";
import type { Role } from "~/server/auth/roles";
import { can, type Action } from "~/server/auth/permissions";

export type FinanceTab = "invoices" | "payments" | "credit-notes" | "receivables" | "journal";

const TABS: readonly { id: FinanceTab; label: string; href: string; action: Action }[] = [
  { id: "invoices", label: "Invoices", href: "/invoices", action: "invoices.view" },
  { id: "payments", label: "Payments", href: "/invoices/payments", action: "payments.view" },
  { id: "credit-notes", label: "Credit notes", href: "/invoices/credit-notes", action: "invoices.view" },
  { id: "receivables", label: "Receivables", href: "/invoices/receivables", action: "receivables.view" },
  { id: "journal", label: "Journal", href: "/invoices/journal", action: "journal.export" },
];

/** The finance area's sections, as far as the role may see them. */
export function FinanceTabs({ current, role }: { current: FinanceTab; role: Role }) {
  return <SectionTabs label="Finance sections" tabs={TABS.filter((t) => can(role, t.action))} current={current} />;
}
