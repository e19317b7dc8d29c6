import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DeskShell } from "~/components/shell/desk-shell";
import { auth } from "~/server/auth/config";
import { TRPCReactProvider } from "~/trpc/react";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (!session?.user?.id) {
    const path = (await headers()).get("x-orderdesk-path") ?? "/";
    redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  const user = { name: session.user.name ?? session.user.email ?? "User", email: session.user.email ?? "", role: session.user.role };
  return (
    <TRPCReactProvider>
      <DeskShell user={user}>{children}</DeskShell>
    </TRPCReactProvider>
  );
}
