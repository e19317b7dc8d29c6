"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

/** Mount once in the root layout; call `toast.success(...)` / `toast.error(...)` from "~/components/ui/toast" anywhere. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      theme="light"
      position="bottom-right"
      closeButton
      richColors
      duration={5000}
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
        } as React.CSSProperties
      }
      toastOptions={{ classNames: { toast: "font-sans text-sm shadow-lg", description: "text-muted-foreground" } }}
      {...props}
    />
  );
}
