import {
  Boxes,
  ChartColumn,
  ClipboardList,
  Package,
  Receipt,
  Settings,
  ShoppingCart,
  TriangleAlert,
  Truck,
  Undo2,
  Users,
  type LucideIcon,
} from "lucide-react";
import { can, type Action } from "~/server/auth/permissions";
import { ROLE_LABELS, type Role } from "~/server/auth/roles";

export type NavItem = {
  label: string;
  href: string;
  icon: LucideIcon;
  /** The permission that shows this area; the server checks it again on every procedure. */
  action: Action;
};

/** The desk's areas in sidebar order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: "Orders", href: "/orders", icon: ClipboardList, action: "orders.view" },
  { label: "Exceptions", href: "/exceptions", icon: TriangleAlert, action: "exceptions.view" },
  { label: "Inventory", href: "/inventory", icon: Boxes, action: "inventory.view" },
  { label: "Purchasing", href: "/purchasing", icon: ShoppingCart, action: "purchasing.view" },
  { label: "Fulfillment", href: "/fulfillment", icon: Truck, action: "fulfillment.view" },
  { label: "Invoices", href: "/invoices", icon: Receipt, action: "invoices.view" },
  { label: "Returns", href: "/returns", icon: Undo2, action: "returns.view" },
  { label: "Customers", href: "/customers", icon: Users, action: "customers.view" },
  { label: "Products", href: "/products", icon: Package, action: "products.view" },
  { label: "Reports", href: "/reports", icon: ChartColumn, action: "reports.view" },
  { label: "Admin", href: "/admin", icon: Settings, action: "admin.view" },
];

/** The areas a role may open, in sidebar order. */
export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.action));
}

/** True when `pathname` is the area's page or a page inside it (/orders, /orders/SO-1001). */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
