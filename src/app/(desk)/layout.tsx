import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { DeskShell } from "~/components/shell/desk-shell";
import { auth } from "~/server/auth/config";
import { TRPCReactProvider } from "~/trpc/react";
import { mayOpenPage } from "~/server/web/page-permissions";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  const path = (await headers()).get("x-orderdesk-path") ?? "/";
  if (!session?.user?.id) {
    redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  // Above every loading.tsx boundary: a page the role may not see answers a real 403 (src/server/web/page-permissions.ts).
  if (!mayOpenPage(session.user.role, path)) forbidden();
  const user = { name: session.user.name ?? session.user.email ?? "User", email: session.user.email ?? "", role: session.user.role };
  return (
    <TRPCReactProvider>
      <DeskShell user={user}>{children}</DeskShell>
    </TRPCReactProvider>
  );
}
