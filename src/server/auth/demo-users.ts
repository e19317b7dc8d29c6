import type { Role } from "./roles";

/** Demo users, one per role, created only in demo mode. Listed in the README. */
export const DEMO_PASSWORD = "orderdesk";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "rep@demo.orderdesk", name: "Riley Rep", role: "rep" },
  { email: "warehouse@demo.orderdesk", name: "Wes Warehouse", role: "warehouse" },
  { email: "finance@demo.orderdesk", name: "Fran Finance", role: "finance" },
  { email: "manager@demo.orderdesk", name: "Morgan Manager", role: "manager" },
  { email: "admin@demo.orderdesk", name: "Ada Admin", role: "admin" },
];
