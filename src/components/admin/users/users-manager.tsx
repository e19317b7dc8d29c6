"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, LogOut, MoreHorizontal, Pencil, UserCheck, UserX, Users } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "~/components/ui/dropdown-menu";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { ROLE_LABELS, ROLES, type Role } from "~/server/auth/roles";
import { useTRPC } from "~/trpc/react";
import { sessionsText, userFieldErrors } from "./format";
import { LastSignIn } from "./last-sign-in";
import { ConfirmUserAction, RenameUserDialog, ResetPasswordDialog, type ListedUser } from "./user-dialogs";

type Open =
  | { kind: "rename" | "resetPassword" | "deactivate" | "reactivate" | "signOutEverywhere"; user: ListedUser }
  | null;

/**
 * Everyone who can (or could) sign in: role, status, last sign-in and live sessions, with what an admin does to
 * one of them. The signed-in admin's own row says "You" and offers neither a role change nor deactivation.
 */
export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const [open, setOpen] = useState<Open>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const close = () => {
    setOpen(null);
    setConfirmError(null);
  };

  const refusal = (e: unknown) => {
    const apiError = apiErrorOf(e);
    // The confirmation names what it changes; the server's message goes there, whichever field it names.
    setConfirmError(Object.values(userFieldErrors(apiError)).flat().join(", ") || apiError.message);
    return apiError.message;
  };
  const setActive = useMutation(
    trpc.users.change.mutationOptions({
      onSuccess: (after) => {
        toast.success(after.isActive ? `${after.name} reactivated` : `${after.name} deactivated`, {
          description: after.isActive
            ? `They can sign in again as ${ROLE_LABELS[after.role]}.`
            : `${sessionsText(after.endedSessions)} ended; they cannot sign in until reactivated.`,
        });
        close();
        void invalidate();
      },
      onError: (e, input) => toast.error(input.isActive ? "Could not reactivate" : "Could not deactivate", { description: refusal(e) }),
    }),
  );
  const signOutEverywhere = useMutation(
    trpc.users.signOutEverywhere.mutationOptions({
      onSuccess: (result, input) => {
        const name = users.data?.find((u) => u.id === input.userId)?.name ?? "The user";
        toast.success(result.endedSessions === 0 ? `${name} had no live sessions` : `${name} signed out of ${sessionsText(result.endedSessions)}`, {
          description: result.endedSessions === 0 ? undefined : "Their next click goes to the sign-in page.",
        });
        if (input.userId === currentUserId) {
          router.replace("/login");
          return;
        }
        close();
        void invalidate();
      },
      onError: (e) => toast.error("Could not sign out everywhere", { description: refusal(e) }),
    }),
  );

  if (users.isPending) {
    return (
      <div aria-busy="true" className="grid gap-2">
        <span className="sr-only">Loading users…</span>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-12" />
        ))}
      </div>
    );
  }
  if (users.isError) {
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load the users: {apiErrorOf(users.error).message}
      </p>
    );
  }
  if (users.data.length === 0) return <EmptyState icon={Users} title="No users" description="Create the first one with New user." />;

  const active = users.data.filter((u) => u.isActive).length;
  return (
    <>
      <div className="min-w-0 rounded-lg border bg-background">
        <Table aria-label="Users">
          <caption className="sr-only">
            {users.data.length} users, {active} active
          </caption>
          <TableHeader>
            <TableRow>
              <TableHead>User</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Last sign-in</TableHead>
              <TableHead numeric>Sessions</TableHead>
              <TableHead className="w-px">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.data.map((user) => {
              const isSelf = user.id === currentUserId;
              return (
                <TableRow key={user.id} data-user-id={user.id}>
                  <TableCell className="max-w-0 w-full">
                    <div className="flex min-w-0 items-center gap-2">
                      <span className={cn("truncate font-medium", !user.isActive && "text-muted-foreground")} title={user.name}>
                        {user.name}
                      </span>
                      {isSelf && <Badge variant="info">You</Badge>}
                    </div>
                    <div className="truncate text-xs text-muted-foreground" title={user.email}>
                      {user.email}
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    {isSelf ? (
                      <span className="inline-flex h-9 items-center" title="You cannot change your own role">
                        {ROLE_LABELS[user.role]}
                      </span>
                    ) : (
                      <RoleSelect user={user} onChanged={invalidate} />
                    )}
                  </TableCell>
                  <TableCell>{user.isActive ? <Badge variant="success">Active</Badge> : <Badge variant="neutral">Deactivated</Badge>}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <LastSignIn value={user.lastSignedInAt} />
                  </TableCell>
                  <TableCell numeric>
                    <span className={cn(user.liveSessions === 0 && "text-muted-foreground")}>{user.liveSessions}</span>
                  </TableCell>
                  <TableCell className="text-right">
                    <RowActions user={user} isSelf={isSelf} onOpen={(kind) => setOpen({ kind, user })} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>

      {open?.kind === "rename" && <RenameUserDialog key={open.user.id} user={open.user} onClose={close} onSaved={() => void invalidate()} />}
      {open?.kind === "resetPassword" && (
        <ResetPasswordDialog key={open.user.id} user={open.user} isSelf={open.user.id === currentUserId} onClose={close} onSaved={() => void invalidate()} />
      )}
      {open?.kind === "deactivate" && (
        <ConfirmUserAction
          title={`Deactivate ${open.user.name}?`}
          description={`${open.user.liveSessions > 0 ? `Ends their ${sessionsText(open.user.liveSessions)} at once; they` : "They"} cannot sign in until reactivated. What they did stays, under their name.`}
          confirmLabel="Deactivate"
          pendingLabel="Deactivating…"
          destructive
          isPending={setActive.isPending}
          error={confirmError}
          onConfirm={() => setActive.mutate({ userId: open.user.id, isActive: false })}
          onClose={close}
        />
      )}
      {open?.kind === "reactivate" && (
        <ConfirmUserAction
          title={`Reactivate ${open.user.name}?`}
          description={`They can sign in again with their current password, as ${ROLE_LABELS[open.user.role]}.`}
          confirmLabel="Reactivate"
          pendingLabel="Reactivating…"
          isPending={setActive.isPending}
          error={confirmError}
          onConfirm={() => setActive.mutate({ userId: open.user.id, isActive: true })}
          onClose={close}
        />
      )}
      {open?.kind === "signOutEverywhere" && (
        <ConfirmUserAction
          title={open.user.id === currentUserId ? "Sign yourself out everywhere?" : `Sign ${open.user.name} out everywhere?`}
          description={
            open.user.id === currentUserId
              ? `Ends all your sessions (${sessionsText(open.user.liveSessions)}), this one included: you sign in again after.`
              : `Ends ${open.user.liveSessions > 0 ? `their ${sessionsText(open.user.liveSessions)}` : "any session they have"}: their next click goes to the sign-in page. They can sign in again with their password.`
          }
          confirmLabel="Sign out everywhere"
          pendingLabel="Signing out…"
          destructive
          isPending={signOutEverywhere.isPending}
          error={confirmError}
          onConfirm={() => signOutEverywhere.mutate({ userId: open.user.id })}
          onClose={close}
        />
      )}
    </>
  );
}

/** The role of another user, changed on selection; it applies at their next click. Undo puts the old one back. */
function RoleSelect({ user, onChanged }: { user: ListedUser; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(
    trpc.users.change.mutationOptions({
      // Pending until the list shows the new role, so the select never flicks back to the old one.
      onSuccess: () => {
        setError(null);
        return onChanged();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        setError(userFieldErrors(apiError).role?.join(", ") ?? apiError.message);
        toast.error(`Could not change ${user.name}’s role`, { description: apiError.message });
      },
    }),
  );
  function apply(role: Role, undoTo?: Role) {
    change.mutate(
      { userId: user.id, role },
      {
        onSuccess: (after) =>
          toast.success(undoTo ? `${after.name} is now ${ROLE_LABELS[after.role]}` : `${after.name} is ${ROLE_LABELS[after.role]} again`, {
            description: "Applies at their next click.",
            action: undoTo ? { label: "Undo", onClick: () => apply(undoTo) } : undefined,
          }),
      },
    );
  }
  const errorId = `role-${user.id}-error`;
  return (
    <div className="grid gap-1">
      <NativeSelect
        aria-label={`Role of ${user.name}`}
        value={change.isPending && change.variables.role ? change.variables.role : user.role}
        disabled={change.isPending}
        onChange={(e) => apply(e.target.value as Role, user.role)}
        className="w-44"
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={errorId} className="max-w-44 text-xs">
        {error}
      </FieldError>
    </div>
  );
}

function RowActions({ user, isSelf, onOpen }: { user: ListedUser; isSelf: boolean; onOpen: (kind: NonNullable<Open>["kind"]) => void }) {
  return (
    // Not modal: the dialogs an item opens take focus themselves, and a modal menu would leave the page inert behind them.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${user.name}`} title="Actions">
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="truncate">{isSelf ? "You" : user.name}</DropdownMenuLabel>
        <DropdownMenuItem onSelect={() => onOpen("rename")}>
          <Pencil aria-hidden />
          Rename…
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onOpen("resetPassword")}>
          <KeyRound aria-hidden />
          Reset password…
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onOpen("signOutEverywhere")} disabled={!user.isActive}>
          <LogOut aria-hidden />
          Sign out everywhere…
        </DropdownMenuItem>
        {!isSelf && (
          <>
            <DropdownMenuSeparator />
            {user.isActive ? (
              <DropdownMenuItem variant="destructive" onSelect={() => onOpen("deactivate")}>
                <UserX aria-hidden />
                Deactivate…
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={() => onOpen("reactivate")}>
                <UserCheck aria-hidden />
                Reactivate…
              </DropdownMenuItem>
            )}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
