"use client";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateOnly, DateTime } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { CopyableSecret } from "~/components/ui/copyable-secret";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { ROLE_LABELS, ROLES, type Role } from "~/server/auth/roles";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

/** Below 1280 px the key's prefix, creation time and last use step aside, so Status, Requests and Revoke stay in view. */

type ApiKey = RouterOutputs["integration"]["apiKeys"][number];

export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.integration.apiKeys.queryOptions());
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [expiresError, setExpiresError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ApiKey | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.integration.apiKeys.queryKey() });

  const create = useMutation(
    trpc.integration.createApiKey.mutationOptions({
      onSuccess: (key, _vars) => {
        setCreated({ name: key.name, key: key.key });
        setNameError(null);
        setExpiresError(null);
        toast.success(`API key "${key.name}" created`);
        void invalidate();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setNameError(e.details?.fields?.name?.join(", ") ?? null);
        setExpiresError(e.details?.fields?.expiresOn?.join(", ") ?? null);
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
      {
        name: String(data.get("name") ?? ""),
        role: String(data.get("role")) as Role,
        scope: data.get("scope") === "read" ? "read" : "write",
        expiresOn: String(data.get("expiresOn") ?? "") || null,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    // One column no wider than the page: the keys table scrolls inside its own box instead of widening the page.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
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
        <div className="grid gap-1.5">
          <Label htmlFor="key-scope">Access</Label>
          <NativeSelect id="key-scope" name="scope" defaultValue="write" className="w-48">
            <option value="write">The role’s changes</option>
            <option value="read">Read-only</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="key-expires">Last day (optional)</Label>
          <Input
            id="key-expires"
            name="expiresOn"
            type="date"
            className="w-44"
            aria-invalid={!!expiresError}
            aria-describedby={expiresError ? "key-expires-error" : undefined}
          />
          {expiresError && <FieldError id="key-expires-error">{expiresError}</FieldError>}
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>

      {keys.data === undefined ? (
        keys.isError ? (
          <p role="status" className="text-sm text-destructive">
            Could not load the keys: {apiErrorOf(keys.error).message}
          </p>
        ) : (
          <div className="grid gap-2">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        )
      ) : keys.data.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys yet" description="Create one for each system that calls Orderdesk." />
      ) : (
        <div className="rounded-lg border bg-background">
          {/* A refresh that failed (after a create or revoke) keeps the list it had instead of replacing it. */}
          {keys.isRefetchError && (
            <p role="status" className="border-b px-4 py-2 text-sm text-muted-foreground">
              The list may be out of date ({apiErrorOf(keys.error).message}).{" "}
              <Button variant="link" size="sm" className="h-auto p-0" onClick={() => void keys.refetch()}>
                Refresh
              </Button>
            </p>
          )}
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead className={WIDE_ONLY}>Key</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Access</TableHead>
                <TableHead className={WIDE_ONLY}>Created</TableHead>
                <TableHead>Last day</TableHead>
                <TableHead className={WIDE_ONLY}>Last used</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.data.map((k) => (
                <TableRow key={k.id}>
                  <TableCell className="max-w-44 truncate font-medium" title={k.name}>
                    {k.name}
                  </TableCell>
                  <TableCell className={cn(WIDE_ONLY, "font-mono text-xs")}>{k.prefix}…</TableCell>
                  <TableCell>{ROLE_LABELS[k.role]}</TableCell>
                  <TableCell>{k.scope === "read" ? "Read-only" : "Role’s changes"}</TableCell>
                  <TableCell className={WIDE_ONLY}>
                    <DateTime value={k.createdAt} />
                  </TableCell>
                  <TableCell>{k.expiresOn ? <DateOnly value={k.expiresOn} /> : <span className="text-muted-foreground">None</span>}</TableCell>
                  <TableCell className={WIDE_ONLY}>{k.lastUsedAt ? <DateTime value={k.lastUsedAt} /> : <span className="text-muted-foreground">Never</span>}</TableCell>
                  <TableCell>
                    {k.revokedAt ? <Badge variant="neutral">Revoked</Badge> : k.isExpired ? <Badge variant="warning">Expired</Badge> : <Badge variant="success">Active</Badge>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right">
                    <Button variant="ghost" size="sm" onClick={() => setViewing(k)} aria-label={`Requests of ${k.name}`}>
                      Requests
                    </Button>
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
          {created && <CopyableSecret value={created.key} label="New API key" noun="key" />}
          <DialogFooter>
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <Dialog open={!!viewing} onOpenChange={(open) => !open && setViewing(null)}>
        <DialogContent className="sm:max-w-3xl">
          <DialogHeader>
            <DialogTitle>Requests of “{viewing?.name}”</DialogTitle>
            <DialogDescription>Its latest 1,000 calls to the REST API, newest first.</DialogDescription>
          </DialogHeader>
          {viewing && <RequestLog apiKeyId={viewing.id} />}
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

/** One key's request log: method, path, status and duration of each call. */
function RequestLog({ apiKeyId }: { apiKeyId: string }) {
  const trpc = useTRPC();
  const log = useQuery(trpc.integration.apiKeyRequests.queryOptions({ id: apiKeyId }));
  if (log.isError) {
    return (
      <p role="status" className="text-sm text-destructive">
        Could not load the requests: {apiErrorOf(log.error).message}
      </p>
    );
  }
  if (!log.data) return <Skeleton className="h-24" />;
  if (log.data.length === 0) return <p className="text-sm text-muted-foreground">No calls yet.</p>;
  const failed = log.data.filter((entry) => entry.status >= 400).length;
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">
        {log.data.length.toLocaleString()} {log.data.length === 1 ? "call" : "calls"}, {failed.toLocaleString()} failed
      </p>
      <div className="max-h-[60vh] overflow-auto rounded-md border">
        <Table aria-label="Requests">
          <TableHeader>
            <TableRow>
              <TableHead>Time</TableHead>
              <TableHead>Method</TableHead>
              <TableHead>Path</TableHead>
              <TableHead className="text-right">Status</TableHead>
              <TableHead className="text-right">Duration</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {log.data.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>
                  <DateTime value={entry.at} />
                </TableCell>
                <TableCell className="font-mono text-xs">{entry.method}</TableCell>
                <TableCell className="max-w-72 truncate font-mono text-xs" title={entry.path}>
                  {entry.path}
                </TableCell>
                <TableCell className="text-right">
                  <Badge variant={entry.status >= 500 ? "danger" : entry.status >= 400 ? "warning" : "success"}>{entry.status}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{entry.durationMs.toLocaleString()} ms</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
