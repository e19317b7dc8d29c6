import type { LucideIcon } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";

/** An area whose documents don't exist yet: say honestly what will appear here and why it is empty. */
export function AreaEmpty(props: { title: string; description: string; icon: LucideIcon; emptyTitle: string; emptyDescription: string }) {
  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <EmptyState icon={props.icon} title={props.emptyTitle} description={props.emptyDescription} />
    </>
  );
}
