import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { MALFORMED_PATH_HEADER } from "~/server/web/path-escapes";

export const metadata: Metadata = { title: "Not found" };

/**
 * Rendered per request, never prerendered: reading the request's headers makes it dynamic, so its scripts carry
 * the request's CSP nonce (src/proxy.ts); a static 404 page's scripts would all be blocked. src/proxy.ts also
 * sends here a path whose escapes do not decode (`/orders/%`), and says so.
 */
export default async function NotFound() {
  const malformed = (await headers()).get(MALFORMED_PATH_HEADER) === "1";
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <div className="max-w-md rounded-lg border bg-background p-8 text-center shadow-sm">
        <p className="text-sm font-medium text-muted-foreground">404</p>
        <h1 className="mt-2 text-xl font-semibold">{malformed ? "This address is malformed" : "Nothing here"}</h1>
        <p className="mt-2 text-sm text-muted-foreground">
          {malformed
            ? "The link has a broken %-escape, so it cannot lead to a page or record. Check where it came from."
            : "The page or record you asked for does not exist."}
        </p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline">
          Back to your desk
        </Link>
      </div>
    </main>
  );
}
