"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { signIn, signOut } from "~/server/auth/config";

export type LoginState = { error?: string; email?: string };

/** Signs in with email and password; on success next-auth redirects (the thrown redirect must pass through). */
export async function loginAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const callbackUrl = String(formData.get("callbackUrl") ?? "");
  if (!email) return { error: "Enter your email.", email };
  if (!password) return { error: "Enter your password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirect(callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { email, error: signInRefusal(error.code) };
    if (error instanceof AuthError) return { email, error: "Sign-in failed. Please try again." };
    throw error;
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** What the form says for a refused sign-in: a locked account or address says so and when it may try again. */
function signInRefusal(code: string | undefined): string {
  const locked = /^locked:(account|address):(.+)$/.exec(code ?? "");
  if (!locked) return "Wrong email or password.";
  const seconds = Math.max(1, Math.ceil((Date.parse(locked[2]!) - Date.now()) / 1000));
  const wait = `${seconds} second${seconds === 1 ? "" : "s"}`;
  return locked[1] === "account"
    ? `This account is locked after too many failed sign-ins. Try again in ${wait}.`
    : `Too many sign-in attempts from your network. Try again in ${wait}.`;
}

/** A placeholder origin: a callbackUrl from the form must be a path, and stay one when resolved against it. */
const PATH_ORIGIN = "http://orderdesk.invalid";

/** Only same-origin paths: never redirect a user to another host after sign-in (next-auth's redirect callback checks again). */
function safeRedirect(target: string): string {
  return safeRedirectPath(target, PATH_ORIGIN) ?? "/orders";
}
