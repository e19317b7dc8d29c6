import type { Metadata } from "next";
import { Wordmark } from "~/components/shell/wordmark";
import { isDemoMode } from "~/env";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "";

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-muted/60 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center">
          <Wordmark className="text-lg" markClassName="size-7" />
        </div>
        {/* Demo users exist only on the embedded database or when SEED_DEMO=1 (see src/env.ts). */}
        <LoginForm callbackUrl={callbackUrl} showDemoUsers={isDemoMode()} />
      </div>
    </main>
  );
}
