export const ROLES = ["rep", "warehouse", "finance", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  rep: "Customer service",
  warehouse: "Warehouse",
  finance: "Finance",
  manager: "Manager",
  admin: "Administrator",
};
