"use client";

import { ChevronDown } from "lucide-react";
import type * as React from "react";
import { Button } from "~/components/ui/button";
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "~/components/ui/dropdown-menu";
import { cn } from "~/lib/utils";

export type Option = { value: string; label: string };

/**
 * Several values from a short list, as a button opening checkboxes (keyboard: Enter or Space opens, arrows
 * move, Space toggles, type a letter to jump, Esc closes). Nothing chosen means "any"; the button names the choice.
 */
export function MultiSelect({
  id,
  labelledBy,
  options,
  value,
  onChange,
  anyLabel,
  invalid,
  describedBy,
  className,
}: {
  id: string;
  /** The id of the visible label; the button's name is the label followed by what is chosen. */
  labelledBy: string;
  options: readonly Option[];
  value: string[];
  onChange: (value: string[]) => void;
  anyLabel: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const chosen = options.filter((o) => value.includes(o.value));
  // Codes the list does not know (e.g. an archived category) stay visible rather than silently dropped.
  const unknown = value.filter((v) => !options.some((o) => o.value === v));
  const text = [...chosen.map((o) => o.label), ...unknown].join(", ");
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  const keepOpen = (event: Event) => event.preventDefault();
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button
          id={id}
          type="button"
          variant="outline"
          aria-labelledby={`${labelledBy} ${id}`}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={cn("h-9 w-full min-w-0 justify-between px-3 font-normal", invalid && "border-destructive", className)}
          title={text || undefined}
        >
          <span className={cn("min-w-0 truncate", !text && "text-muted-foreground")}>{text || anyLabel}</span>
          <ChevronDown aria-hidden className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80 w-(--radix-dropdown-menu-trigger-width) min-w-56">
        <DropdownMenuItem onSelect={() => onChange([])} disabled={value.length === 0}>
          {anyLabel} (clear)
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        {options.map((o) => (
          <DropdownMenuCheckboxItem key={o.value} checked={value.includes(o.value)} onCheckedChange={(on) => toggle(o.value, on === true)} onSelect={keepOpen}>
            {o.label}
          </DropdownMenuCheckboxItem>
        ))}
        {unknown.map((v) => (
          <DropdownMenuCheckboxItem key={v} checked onCheckedChange={() => toggle(v, false)} onSelect={keepOpen}>
            {v} (unknown)
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A short text for a read-only list: "Web, Phone" or the "any" wording. */
export function choiceText(options: readonly Option[], value: string[], anyLabel: string): React.ReactNode {
  if (value.length === 0) return <span className="text-muted-foreground">{anyLabel}</span>;
  return value.map((v) => options.find((o) => o.value === v)?.label ?? v).join(", ");
}
