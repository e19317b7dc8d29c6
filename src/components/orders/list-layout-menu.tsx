"use client";

import { useMutation } from "@tanstack/react-query";
import { Columns3 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { DENSITIES, LIST_LAYOUT_KEY, OPTIONAL_COLUMNS, withColumn, type Density, type ListLayout } from "./list-layout";

const DENSITY_LABELS: Record<Density, string> = { comfortable: "Comfortable", compact: "Compact" };

/**
 * The list's Columns menu: which optional columns show (on wide screens, where they fit) and the row
 * density. Each change is kept for the user on the server, so it follows them to another browser.
 */
export function ListLayoutMenu({ kind, layout }: { kind: "order" | "quote"; layout: ListLayout }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [shown, setShown] = useState(layout);
  const [, startTransition] = useTransition();
  const save = useMutation(trpc.preferences.save.mutationOptions());

  function change(next: ListLayout) {
    const before = shown;
    setShown(next);
    save.mutate(
      { key: LIST_LAYOUT_KEY, value: next },
      {
        onSuccess: () => startTransition(() => router.refresh()),
        onError: (error) => {
          setShown(before);
          toast.error("Could not keep the list's view", { description: apiErrorOf(error).message });
        },
      },
    );
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 aria-hidden />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel>Optional columns (wide screens)</DropdownMenuLabel>
        {OPTIONAL_COLUMNS.filter((c) => (c.kinds as readonly string[]).includes(kind)).map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={!shown.hidden.includes(column.id)}
            onSelect={(e) => e.preventDefault()}
            onCheckedChange={(checked) => change(withColumn(shown, column.id, checked === true))}
          >
            {column.label}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Density</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={shown.density} onValueChange={(value) => change({ ...shown, density: value as Density })}>
          {DENSITIES.map((density) => (
            <DropdownMenuRadioItem key={density} value={density} onSelect={(e) => e.preventDefault()}>
              {DENSITY_LABELS[density]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
