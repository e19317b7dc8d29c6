import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getAppDb } from "../app-db";
import { AppError, describeForLog } from "../errors";
import type { Actor } from "./actor";
import type { Role } from "./roles";
import { findAuthSecret } from "./secret";
import { verifyCredentials } from "./sign-in";

declare module "next-auth" {
  interface User {
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
}

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const ZCredentials = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });

function clientIp(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Checked at start-up (src/instrumentation.ts): production without AUTH_SECRET refuses to start.
  secret: findAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an answer, not a server error: keep it out of the error log. Anything else (a forged or
  // expired session cookie, say) is one line, not a stack trace per request.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${describeForLog(error)}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        try {
          return await verifyCredentials({ db: await getAppDb(), ...parsed.data, ip: clientIp(request) });
        } catch (error) {
          if (error instanceof AppError && error.kind === "rate_limited") throw new RateLimited();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    /** After sign-in and sign-out: a path on this origin only (src/lib/safe-redirect.ts), else the desk's home. */
    redirect({ url, baseUrl }) {
      const path = safeRedirectPath(url, baseUrl);
      return path ? new URL(path, baseUrl).href : baseUrl;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      return session;
    },
  },
});

/** The signed-in user as an Actor, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  return { kind: "user", id: session.user.id, name: session.user.name ?? session.user.email ?? "User", role: session.user.role };
}
