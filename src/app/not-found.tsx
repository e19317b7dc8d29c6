import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <div className="max-w-md rounded-lg border bg-background p-8 text-center shadow-sm">
        <p className="text-sm font-medium text-muted-foreground">404</p>
        <h1 className="mt-2 text-xl font-semibold">Nothing here</h1>
        <p className="mt-2 text-sm text-muted-foreground">The page or record you asked for does not exist.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline">
          Back to your desk
        </Link>
      </div>
    </main>
  );
}
