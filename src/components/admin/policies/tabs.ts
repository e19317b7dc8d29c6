export const POLICY_TABS = [
  { id: "policies", label: "Policies" },
  { id: "rules", label: "Rules" },
  { id: "transit", label: "Transit times" },
] as const;

export type PolicyTab = (typeof POLICY_TABS)[number]["id"];

/** The `?tab=` of /admin/policies; anything unknown is the first tab. */
export function policyTabOf(value: string | undefined): PolicyTab {
  return POLICY_TABS.find((t) => t.id === value)?.id ?? "policies";
}
