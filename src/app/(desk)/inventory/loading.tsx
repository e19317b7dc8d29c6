import { Skeleton } from "~/components/ui/skeleton";

export default function InventoryLoading() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <span className="sr-only">Loading inventory…</span>
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-8 w-96" />
      <Skeleton className="h-16 w-full" />
      {Array.from({ length: 10 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
