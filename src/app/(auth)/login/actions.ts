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
    if (error instanceof CredentialsSignin) {
      return {
        email,
        error: error.code === "rate_limited" ? "Too many sign-in attempts. Wait a minute and try again." : "Wrong email or password.",
      };
    }
    if (error instanceof AuthError) return { email, error: "Sign-in failed. Please try again." };
    throw error;
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** A placeholder origin: a callbackUrl from the form must be a path, and stay one when resolved against it. */
const PATH_ORIGIN = "http://orderdesk.invalid";

/** Only same-origin paths: never redirect a user to another host after sign-in (next-auth's redirect callback checks again). */
function safeRedirect(target: string): string {
  return safeRedirectPath(target, PATH_ORIGIN) ?? "/orders";
}
