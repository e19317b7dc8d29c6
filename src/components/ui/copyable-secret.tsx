"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toast";

/** A secret shown once (an API key, a webhook signing secret): selected on focus, with a copy button. */
export function CopyableSecret({ value, label, noun }: { value: string; label: string; noun: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <Input readOnly value={value} aria-label={label} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      <Button
        type="button"
        variant="outline"
        size="icon"
        aria-label={`Copy ${noun}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(value);
          setCopied(true);
          toast.success(`${noun[0]!.toUpperCase()}${noun.slice(1)} copied`);
        }}
      >
        {copied ? <Check className="size-4" /> : <Copy className="size-4" />}
      </Button>
    </div>
  );
}
