import { Skeleton } from "~/components/ui/skeleton";

export default function SkuStockLoading() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <span className="sr-only">Loading stock for this SKU…</span>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-2/3" />
      <div className="grid grid-cols-5 gap-3">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
