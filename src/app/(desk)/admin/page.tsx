import Link from "next/link";
import { AlarmClock, BadgeDollarSign, BookOpen, FileUp, KeyRound, Landmark, ListChecks, Mail, Route, Truck, Users, Webhook } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/app/(desk)/guard";
import { can } from "~/server/auth/permissions";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  const actor = await requirePermission("admin.view", "/admin");
  const sections = [
    {
      href: "/admin/pricing",
      title: "Pricing",
      description: "Price lists and quantity tiers, discount rules, tax rates, override limits and the price simulator.",
      icon: BadgeDollarSign,
      visible: can(actor.role, "pricing.view"),
    },
    {
      href: "/admin/settings",
      title: "Settings",
      description: "Customer segments, tax categories and units of measure (with the codes other systems send for them): the lists forms and the API choose from.",
      icon: ListChecks,
      visible: can(actor.role, "admin.view"),
    },
    {
      href: "/admin/policies",
      title: "Orchestration policies",
      description: "The steps an order goes through with their durations and owners, the rules choosing a policy per order, and transit days: what makes a promise date.",
      icon: Route,
      visible: can(actor.role, "policies.view"),
    },
    {
      href: "/admin/users",
      title: "Users",
      description: "Who can sign in and with which role: new users, role changes, deactivation, password resets and signing out everywhere.",
      icon: Users,
      visible: can(actor.role, "users.manage"),
    },
    {
      href: "/admin/api-keys",
      title: "API keys",
      description: "Keys other systems use to call the Orderdesk API, each acting with one role.",
      icon: KeyRound,
      visible: can(actor.role, "apiKeys.manage"),
    },
    {
      href: "/admin/webhooks",
      title: "Webhooks",
      description: "Events (orders, shipments, invoices, payments, returns, exceptions, low stock) POSTed to other systems, signed, with a delivery log and Resend.",
      icon: Webhook,
      visible: can(actor.role, "integration.webhooks"),
    },
    {
      href: "/admin/import",
      title: "Import",
      description: "Orders, customers, products, price-list items and stock counts from a CSV file: checked first, imported when you say so, with an error report.",
      icon: FileUp,
      visible: can(actor.role, "imports.manage"),
    },
    {
      href: "/admin/exceptions",
      title: "Exceptions",
      description: "How long each kind of exception may stay open (SLA hours by type and severity), and the countries and SKUs on the restricted list.",
      icon: AlarmClock,
      visible: can(actor.role, "admin.view"),
    },
    {
      href: "/admin/carriers",
      title: "Carriers",
      description: "Carriers the warehouse ships with, and the tracking link each turns a tracking number into.",
      icon: Truck,
      visible: can(actor.role, "admin.view"),
    },
    {
      href: "/admin/accounting",
      title: "Accounting",
      description: "Company header on invoices and statements, return approval value, dunning schedule, overdue hold and journal account codes.",
      icon: Landmark,
      visible: can(actor.role, "admin.view"),
    },
    {
      href: "/admin/outbox",
      title: "Outbox",
      description: "Customer e-mails: pending, sent and failed (with the reason), and retrying a failed one.",
      icon: Mail,
      visible: can(actor.role, "outbox.view"),
    },
    {
      href: "/api/docs",
      title: "API reference",
      description: "Every REST endpoint, its fields and errors (OpenAPI).",
      icon: BookOpen,
      visible: true,
    },
  ].filter((s) => s.visible);

  return (
    <>
      <PageHeader title="Admin" description="How the business is configured." />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {sections.map((s) => (
          <Link key={s.href} href={s.href} className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Card className="h-full transition-colors hover:bg-muted/40">
              <CardHeader>
                <s.icon className="size-5 text-muted-foreground" aria-hidden />
                <CardTitle>{s.title}</CardTitle>
                <CardDescription>{s.description}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
