"use client";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { ROLE_LABELS, ROLES, type Role } from "~/server/auth/roles";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

type ApiKey = RouterOutputs["integration"]["apiKeys"][number];

export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.integration.apiKeys.queryOptions());
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.integration.apiKeys.queryKey() });

  const create = useMutation(
    trpc.integration.createApiKey.mutationOptions({
      onSuccess: (key, _vars) => {
        setCreated({ name: key.name, key: key.key });
        setNameError(null);
        toast.success(`API key "${key.name}" created`);
        void invalidate();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setNameError(e.details?.fields?.name?.join(", ") ?? null);
        toast.error(e.message);
      },
    }),
  );
  const revoke = useMutation(
    trpc.integration.revokeApiKey.mutationOptions({
      onSuccess: (key) => {
        toast.success(`API key "${key.name}" revoked`);
        setRevoking(null);
        void invalidate();
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      { name: String(data.get("name") ?? ""), role: String(data.get("role")) as Role },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <div className="grid gap-6">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border bg-background p-4" noValidate>
        <div className="grid gap-1.5">
          <Label htmlFor="key-name">Name</Label>
          <Input
            id="key-name"
            name="name"
            placeholder="e.g. web shop"
            className="w-64"
            aria-invalid={!!nameError}
            aria-describedby={nameError ? "key-name-error" : undefined}
          />
          {nameError && <FieldError id="key-name-error">{nameError}</FieldError>}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="key-role">Role</Label>
          <NativeSelect id="key-role" name="role" defaultValue="manager" className="w-48">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>

      {keys.isPending ? (
        <div className="grid gap-2">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : keys.isError ? (
        <p role="status" className="text-sm text-destructive">
          Could not load the keys: {apiErrorOf(keys.error).message}
        </p>
      ) : keys.data.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys yet" description="Create one for each system that calls Orderdesk." />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.data.map((k) => (
                <TableRow key={k.id}>
                  <TableCell className="font-medium">{k.name}</TableCell>
                  <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
                  <TableCell>{ROLE_LABELS[k.role]}</TableCell>
                  <TableCell>
                    <DateTime value={k.createdAt} />
                  </TableCell>
                  <TableCell>{k.lastUsedAt ? <DateTime value={k.lastUsedAt} /> : <span className="text-muted-foreground">Never</span>}</TableCell>
                  <TableCell>{k.revokedAt ? <Badge variant="neutral">Revoked</Badge> : <Badge variant="success">Active</Badge>}</TableCell>
                  <TableCell className="text-right">
                    {!k.revokedAt && (
                      <Button variant="ghost" size="sm" className="text-destructive" onClick={() => setRevoking(k)}>
                        Revoke
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Dialog open={!!created} onOpenChange={(open) => !open && setCreated(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Copy the key for “{created?.name}”</DialogTitle>
            <DialogDescription>This is the only time the key is shown. Store it in the other system’s secrets now.</DialogDescription>
          </DialogHeader>
          {created && <CopyableKey value={created.key} />}
          <DialogFooter>
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        target={revoking}
        onClose={() => setRevoking(null)}
        title={(k) => `Revoke “${k.name}”?`}
        description={() => "Calls with this key will be refused at once. This cannot be undone."}
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        isPending={revoke.isPending}
        onConfirm={(k) => revoke.mutate({ id: k.id })}
      />
    </div>
  );
}

function CopyableKey({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <Input readOnly value={value} aria-label="New API key" className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      <Button
        type="button"
        variant="outline"
        size="icon"
        aria-label="Copy key"
        onClick={async () => {
          await navigator.clipboard?.writeText(value);
          setCopied(true);
          toast.success("Key copied");
        }}
      >
        {copied ? <Check className="size-4" /> : <Copy className="size-4" />}
      </Button>
    </div>
  );
}
