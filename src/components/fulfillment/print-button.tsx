"use client";

import { Printer } from "lucide-react";
import { Button } from "~/components/ui/button";

/** Prints the page (the shell, buttons and fields are left out by the print styles). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button variant="outline" onClick={() => window.print()}>
      <Printer aria-hidden />
      {label}
    </Button>
  );
}
