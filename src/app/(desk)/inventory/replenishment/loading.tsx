import { Skeleton } from "~/components/ui/skeleton";

export default function ReplenishmentLoading() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <span className="sr-only">Loading reorder suggestions…</span>
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-9 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}
