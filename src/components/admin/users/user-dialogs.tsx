"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type * as React from "react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { sessionsText, userFieldErrors } from "./format";
import { HandOverPassword, PasswordField } from "./password-field";

export type ListedUser = RouterOutputs["users"]["list"][number];

/** A refusal shown inside a dialog, above its buttons. */
export function DialogAlert({ children }: { children: React.ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
      {children}
    </p>
  );
}

/** Rename: the name shown in the desk, on timelines and in the audit trail from now on. */
export function RenameUserDialog({ user, onClose, onSaved }: { user: ListedUser; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("rename-user");
  const [formError, setFormError] = useState<string | null>(null);
  const change = useMutation(
    trpc.users.change.mutationOptions({
      onSuccess: (after) => {
        toast.success(after.name === user.name ? "Name unchanged" : `${user.name} is now ${after.name}`);
        onSaved();
        onClose();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        const named = userFieldErrors(apiError);
        setFields(named);
        setFormError(named.name ? null : apiError.message);
        toast.error(`Could not rename ${user.name}`, { description: apiError.message });
      },
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form
          noValidate
          className="grid gap-4"
          onChange={clearOnChange}
          onSubmit={(e) => {
            e.preventDefault();
            setFormError(null);
            change.mutate({ userId: user.id, name: String(new FormData(e.currentTarget).get("name") ?? "") });
          }}
        >
          <DialogHeader>
            <DialogTitle>Rename {user.name}</DialogTitle>
            <DialogDescription>The name shown in the desk and on what they do from now on. Their email stays {user.email}.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="rename-user-name">Name</Label>
            <Input id="rename-user-name" name="name" defaultValue={user.name} autoComplete="off" maxLength={200} aria-invalid={!!fields.name} aria-describedby={described("name")} />
            {error("name")}
          </div>
          <DialogAlert>{formError}</DialogAlert>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={change.isPending}>
              {change.isPending ? "Saving…" : "Save name"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/**
 * Reset password: typed or generated; every session of the user ends. A generated password is shown once after
 * saving, to hand over. Resetting your own password signs you out here too.
 */
export function ResetPasswordDialog({ user, isSelf, onClose, onSaved }: { user: ListedUser; isSelf: boolean; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [password, setPassword] = useState({ password: "", generated: false });
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<string | null>(null);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (result, input) => {
        toast.success(`New password set for ${user.name}`, { description: `${sessionsText(result.endedSessions)} ended.` });
        if (isSelf) {
          router.replace("/login");
          return;
        }
        onSaved();
        if (password.generated && input.password === password.password) setHandOver(input.password);
        else onClose();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        const named = userFieldErrors(apiError);
        setFieldError(named.password?.join(", ") ?? null);
        setFormError(named.password ? null : apiError.message);
        toast.error(`Could not reset ${user.name}’s password`, { description: apiError.message });
      },
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {handOver ? (
          <>
            <DialogHeader>
              <DialogTitle>Hand over {user.name}’s new password</DialogTitle>
              <DialogDescription>This is the only time the generated password is shown. Give it to {user.name} in person or by phone, not by email.</DialogDescription>
            </DialogHeader>
            <HandOverPassword email={user.email} password={handOver} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form
            noValidate
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              setFormError(null);
              reset.mutate({ userId: user.id, password: password.password });
            }}
          >
            <DialogHeader>
              <DialogTitle>Reset {user.name}’s password</DialogTitle>
              <DialogDescription>
                {isSelf
                  ? "Your sessions end, this one included: you sign in again with the new password."
                  : user.liveSessions > 0
                    ? `Ends their ${sessionsText(user.liveSessions)} at once; they sign in again with the new password.`
                    : "They sign in with the new password from now on; the old one stops working."}
              </DialogDescription>
            </DialogHeader>
            <PasswordField
              id="reset-password"
              label="New password"
              value={password}
              onChange={(next) => {
                setPassword(next);
                setFieldError(null);
              }}
              error={fieldError ?? undefined}
            />
            <DialogAlert>{formError}</DialogAlert>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit" disabled={reset.isPending}>
                {reset.isPending ? "Setting…" : "Set password"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** The confirmation of a change to one user (deactivate, reactivate, sign out everywhere), with the server's refusal inside. */
export function ConfirmUserAction({
  title,
  description,
  confirmLabel,
  pendingLabel,
  destructive,
  isPending,
  error,
  onConfirm,
  onClose,
}: {
  title: React.ReactNode;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  destructive?: boolean;
  isPending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogAlert>{error}</DialogAlert>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button variant={destructive ? "destructive" : "default"} disabled={isPending} onClick={onConfirm}>
            {isPending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
