"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import { ROLE_LABELS, ROLES, type Role } from "~/server/auth/roles";
import { useTRPC } from "~/trpc/react";
import { userFieldErrors } from "./format";
import { HandOverPassword, PasswordField } from "./password-field";

const FORM_FIELDS = ["name", "email", "role", "password"];

/** "New user": name, email, role and a first password (typed, or generated and shown once to hand over). */
export function NewUserDialog() {
  const [open, setOpen] = useState(false);
  // A fresh form each time the dialog opens.
  const [session, setSession] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setSession((s) => s + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          New user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <NewUserForm key={session} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("new-user");
  const [password, setPassword] = useState({ password: "", generated: false });
  const [formError, setFormError] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<{ name: string; email: string; password: string } | null>(null);

  function changePassword(next: { password: string; generated: boolean }) {
    setPassword(next);
    setFields(({ password: _edited, ...others }) => others);
  }

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (user, input) => {
        toast.success(`${user.name} can sign in now`, { description: `${user.email} · ${ROLE_LABELS[user.role]}` });
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        if (password.generated && input.password === password.password) setHandOver({ name: user.name, email: user.email, password: input.password });
        else onDone();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        const named = userFieldErrors(apiError);
        setFields(named);
        const onAField = Object.keys(named).some((f) => FORM_FIELDS.includes(f));
        setFormError(onAField ? null : apiError.message);
        toast.error("Could not create the user", { description: apiError.message });
      },
    }),
  );

  if (handOver) {
    return (
      <>
        <DialogHeader>
          <DialogTitle>Hand over {handOver.name}’s password</DialogTitle>
          <DialogDescription>This is the only time the generated password is shown. Give it to {handOver.name} in person or by phone, not by email.</DialogDescription>
        </DialogHeader>
        <HandOverPassword email={handOver.email} password={handOver.password} />
        <DialogFooter>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </>
    );
  }

  return (
    <form
      noValidate
      className="grid gap-4"
      onChange={clearOnChange}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        setFormError(null);
        create.mutate({
          name: String(data.get("name") ?? ""),
          email: String(data.get("email") ?? "").trim(),
          role: String(data.get("role")) as Role,
          password: password.password,
        });
      }}
    >
      <DialogHeader>
        <DialogTitle>New user</DialogTitle>
        <DialogDescription>They can sign in as soon as you save, with the role you choose here.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-1.5">
        <Label htmlFor="new-user-name">Name</Label>
        <Input id="new-user-name" name="name" autoComplete="off" maxLength={200} aria-invalid={!!fields.name} aria-describedby={described("name")} />
        {error("name")}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="new-user-email">Email</Label>
        <Input
          id="new-user-email"
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          maxLength={320}
          aria-invalid={!!fields.email}
          aria-describedby={described("email")}
        />
        {error("email")}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="new-user-role">Role</Label>
        <NativeSelect id="new-user-role" name="role" defaultValue="rep" aria-invalid={!!fields.role} aria-describedby={described("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </NativeSelect>
        {error("role")}
      </div>
      <PasswordField id="new-user-password" label="Initial password" value={password} onChange={changePassword} error={fields.password?.join(", ")} />
      {formError && (
        <p role="alert" className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
          {formError}
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create user"}
        </Button>
      </DialogFooter>
    </form>
  );
}
