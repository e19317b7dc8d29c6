import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "~/env";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getAppDb } from "../app-db";
import { describeForLog } from "../errors";
import { clientAddress } from "../web/client-address";
import type { Role } from "./roles";
import { findAuthSecret } from "./secret";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";
import { SignInLocked, verifyCredentials } from "./sign-in";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionId: string;
  }
  interface Session {
    sessionId?: string;
    user: { id: string; role: Role } & DefaultSession["user"];
  }
}

/** The sign-in form reads the code: "locked:account:<ISO time>" says which limit and when it lifts. */
class SignInRefused extends CredentialsSignin {
  constructor(locked: SignInLocked) {
    super();
    this.code = `locked:${locked.scope}:${locked.unlocksAt.toISOString()}`;
  }
}

const ZCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Checked at start-up (src/instrumentation.ts): production without AUTH_SECRET refuses to start.
  secret: findAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
        const db = await getAppDb();
        const address = clientAddress(request.headers, env.TRUSTED_PROXIES);
        try {
          const user = await verifyCredentials({ db, ...parsed.data, address });
          if (!user) return null;
          const userAgent = request.headers.get("user-agent") ?? "";
          return { ...user, sessionId: await startSession(db, { userId: user.id, address, userAgent }) };
        } catch (error) {
          if (error instanceof SignInLocked) throw new SignInRefused(error);
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
      if (user) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    /** Signing out ends the session on the server too: a copy of the cookie stops working. */
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(await getAppDb(), sid);
    },
  },
});
