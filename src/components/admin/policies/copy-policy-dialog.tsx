"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "~/components/ui/toast";
import { FormError } from "~/components/pricing/shared";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TPolicy } from "~/server/fulfillment/policies/schemas";
import { useTRPC } from "~/trpc/react";
import { useState } from "react";

/** A new policy starting from another's current steps: its own code and name, version 1. */
export function CopyPolicyDialog({ from, onClose, onCopied }: { from: TPolicy; onClose: () => void; onCopied: (policy: TPolicy) => void }) {
  const trpc = useTRPC();
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("copy-policy");
  const [formError, setFormError] = useState<string | null>(null);
  const copy = useMutation(
    trpc.policies.copy.mutationOptions({
      onSuccess: (policy) => {
        toast.success(`${policy.name} created from ${from.name}`, { description: "Edit its steps, then choose it in a rule so orders follow it." });
        onCopied(policy);
      },
      onError: (e) => {
        const api = apiErrorOf(e);
        const f = api.details?.fields ?? {};
        setFields(f);
        setFormError(f.code || f.name ? null : api.message);
      },
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form
          noValidate
          onChange={(e) => {
            clearOnChange(e);
            setFormError(null);
          }}
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const code = String(data.get("code") ?? "").trim().toUpperCase();
            const name = String(data.get("name") ?? "").trim();
            const problems: Record<string, string[]> = {};
            if (!code) problems.code = ["Code is required"];
            if (!name) problems.name = ["Name is required"];
            if (Object.keys(problems).length > 0) return setFields(problems);
            copy.mutate({ from: from.code, code, name });
          }}
        >
          <DialogHeader>
            <DialogTitle>Copy {from.name}</DialogTitle>
            <DialogDescription>
              A new policy with {from.name}&apos;s {from.steps.length} steps (version {from.version}). No order follows it until a rule chooses it.
            </DialogDescription>
          </DialogHeader>
          <FormError>{formError}</FormError>
          <div className="grid gap-1.5">
            <Label htmlFor="copy-policy-code">Code</Label>
            <Input
              id="copy-policy-code"
              name="code"
              autoFocus
              maxLength={30}
              placeholder={`e.g. ${from.code}_RUSH`}
              className="font-mono uppercase placeholder:normal-case"
              aria-invalid={!!fields.code}
              aria-describedby={described("code", "copy-policy-code-hint")}
            />
            {error("code")}
            <p id="copy-policy-code-hint" className="text-xs text-muted-foreground">
              2–30 letters, digits, &apos;_&apos; or &apos;-&apos;; it cannot change later.
            </p>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="copy-policy-name">Name</Label>
            <Input id="copy-policy-name" name="name" maxLength={60} defaultValue={`${from.name} (copy)`} aria-invalid={!!fields.name} aria-describedby={described("name")} />
            {error("name")}
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={copy.isPending}>
              {copy.isPending ? "Copying…" : "Copy policy"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
