"use client";

import { useActionState, useRef } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { DEMO_PASSWORD, DEMO_USERS } from "~/server/auth/demo-users";
import { ROLE_LABELS } from "~/server/auth/roles";
import { loginAction, type LoginState } from "./actions";

const ERROR_ID = "login-error";

export function LoginForm({ callbackUrl, showDemoUsers }: { callbackUrl: string; showDemoUsers: boolean }) {
  const [state, formAction, isPending] = useActionState<LoginState, FormData>(loginAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  const hasError = !!state.error;

  /** Demo convenience: fill in a demo account; the user still presses Sign in. */
  function fillDemoUser(email: string) {
    const form = formRef.current;
    if (!form) return;
    (form.elements.namedItem("email") as HTMLInputElement).value = email;
    (form.elements.namedItem("password") as HTMLInputElement).value = DEMO_PASSWORD;
    form.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
  }

  return (
    <div className="space-y-4">
      <Card className="shadow-sm">
        <CardHeader>
          <h1 className="text-lg leading-tight font-semibold tracking-tight">Sign in to Orderdesk</h1>
          <CardDescription>Use your work email and password.</CardDescription>
        </CardHeader>
        <CardContent>
          {/* noValidate: the server's messages (in the live region below) replace the browser's validation bubbles. */}
          <form ref={formRef} action={formAction} className="space-y-4" noValidate>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />

            <div className="space-y-2">
              <Label htmlFor="email">Email</Label>
              <Input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                autoFocus
                required
                defaultValue={state.email ?? ""}
                aria-invalid={hasError || undefined}
                aria-describedby={hasError ? ERROR_ID : undefined}
              />
            </div>

            <div className="space-y-2">
              <Label htmlFor="password">Password</Label>
              <Input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                aria-invalid={hasError || undefined}
                aria-describedby={hasError ? ERROR_ID : undefined}
              />
            </div>

            {/* Polite live region, always mounted so the message is announced when it appears. */}
            <div id={ERROR_ID} role="status" aria-live="polite" aria-atomic="true">
              {state.error && (
                <p className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm font-medium text-danger-soft-foreground">
                  {state.error}
                </p>
              )}
            </div>

            <Button type="submit" className="w-full" disabled={isPending}>
              {isPending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        </CardContent>
      </Card>

      {showDemoUsers && (
        <section aria-labelledby="demo-users-heading" className="rounded-lg border border-dashed bg-background/70 p-4 text-sm">
          <h2 id="demo-users-heading" className="font-medium">
            Demo users
          </h2>
          <p className="mt-1 text-muted-foreground">
            Password <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">{DEMO_PASSWORD}</code> for
            every account. Choose one to fill in the form.
          </p>
          <ul className="mt-3 space-y-1">
            {DEMO_USERS.map((user) => (
              <li key={user.email}>
                <button
                  type="button"
                  onClick={() => fillDemoUser(user.email)}
                  className="flex w-full items-center justify-between gap-3 rounded-md px-2 py-1.5 text-left outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/70"
                >
                  <span className="font-mono text-xs">{user.email}</span>
                  <span className="text-xs text-muted-foreground">{ROLE_LABELS[user.role]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
