"use client";

import { Check, Copy, Eye, EyeOff, Wand2 } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { generatePassword } from "./format";

/**
 * A new password, typed or generated: "Generate" fills in a random one and shows it (the admin hands it over);
 * the eye shows or hides what was typed. `generated` tells the parent whether the value is still the generated one.
 */
export function PasswordField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: { password: string; generated: boolean };
  onChange: (value: { password: string; generated: boolean }) => void;
  error?: string;
}) {
  const [revealed, setRevealed] = useState(false);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const shown = revealed;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <Input
            id={id}
            name="password"
            type={shown ? "text" : "password"}
            autoComplete="new-password"
            spellCheck={false}
            value={value.password}
            onChange={(e) => onChange({ password: e.target.value, generated: false })}
            className="pr-9 font-mono"
            aria-invalid={!!error}
            aria-describedby={[error ? errorId : undefined, hintId].filter(Boolean).join(" ")}
          />
          <button
            type="button"
            onClick={() => setRevealed((r) => !r)}
            aria-label="Show password"
            aria-pressed={shown}
            title={shown ? "Hide password" : "Show password"}
            className="absolute top-1/2 right-1 flex size-7 -translate-y-1/2 items-center justify-center rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/70"
          >
            {shown ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
          </button>
        </div>
        <Button type="button" variant="outline" onClick={() => {
            onChange({ password: generatePassword(), generated: true });
            setRevealed(true);
          }}>
          <Wand2 aria-hidden />
          Generate
        </Button>
      </div>
      <FieldError id={errorId}>{error}</FieldError>
      <p id={hintId} className="text-xs text-muted-foreground">
        At least 10 characters. A generated password is shown once more after saving, to hand over.
      </p>
    </div>
  );
}

/** The one time a generated password is shown after it was saved: read-only, selectable, with a copy button. */
export function HandOverPassword({ email, password }: { email: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <dl className="grid gap-3 rounded-md border bg-muted/40 p-3 text-sm">
      <div className="grid gap-1">
        <dt className="text-xs text-muted-foreground">Email</dt>
        <dd className="font-medium break-all">{email}</dd>
      </div>
      <div className="grid gap-1">
        <dt className="text-xs text-muted-foreground">Password</dt>
        <dd className="flex items-center gap-2">
          <Input
            readOnly
            value={password}
            aria-label="Password to hand over"
            className="bg-background font-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label="Copy password"
            title="Copy password"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(password);
                setCopied(true);
                toast.success("Password copied");
              } catch {
                toast.error("Could not copy: select the password and copy it by hand");
              }
            }}
          >
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          </Button>
        </dd>
      </div>
    </dl>
  );
}
