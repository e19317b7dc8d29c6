import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { DeskShell } from "~/components/shell/desk-shell";
import { parseSidebarMode, SIDEBAR_COOKIE } from "~/components/shell/sidebar-mode";
import { currentUser } from "~/server/api/current-user";
import { TRPCReactProvider } from "~/trpc/react";
import { mayOpenPage } from "~/server/web/page-permissions";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const signedIn = await currentUser();
  const path = (await headers()).get("x-orderdesk-path") ?? "/";
  if (!signedIn) {
    redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  // Above every loading.tsx boundary: a page the role may not see answers a real 403 (src/server/web/page-permissions.ts).
  if (!mayOpenPage(signedIn.role, path)) forbidden();
  const user = { name: signedIn.name, email: signedIn.email, role: signedIn.role };
  return (
    <TRPCReactProvider>
      <DeskShell user={user} initialSidebar={parseSidebarMode((await cookies()).get(SIDEBAR_COOKIE)?.value)}>
        {children}
      </DeskShell>
    </TRPCReactProvider>
  );
}
