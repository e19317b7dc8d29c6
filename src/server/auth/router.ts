import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { changeUser, ZChangeUserInput } from "./change-user";
import { listUsers } from "./list-users";
import { resetPassword } from "./reset-password";
import { ROLES } from "./roles";
import { signOutEverywhere } from "./sign-out-everywhere";
import { createUser, ZCreateUserInput, ZPassword } from "./users";

const ZUserId = z.object({ userId: z.uuid("Not a user id") });
const ZUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) });
const ZEnded = z.object({ userId: z.string(), endedSessions: z.number().int() });

/** Who may sign in (admins): create, change role, deactivate, reset a password, end every session. */
export const usersRouter = createTRPCRouter({
  list: permissionProcedure("users.manage")
    .input(z.void())
    .output(
      z.array(
        ZUser.extend({
          isActive: z.boolean(),
          lastSignedInAt: z.date().nullable(),
          createdAt: z.date(),
          liveSessions: z.number().int(),
        }),
      ),
    )
    .query(({ ctx }) => listUsers({ db: ctx.db })),

  create: permissionProcedure("users.manage")
    .input(ZCreateUserInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => createUser({ db: ctx.db, actor: ctx.actor, input })),

  change: permissionProcedure("users.manage")
    .input(ZChangeUserInput)
    .output(ZUser.extend({ isActive: z.boolean(), endedSessions: z.number().int() }))
    .mutation(({ ctx, input }) => changeUser({ db: ctx.db, actor: ctx.actor, input })),

  resetPassword: permissionProcedure("users.manage")
    .input(ZUserId.extend({ password: ZPassword }))
    .output(ZEnded)
    .mutation(({ ctx, input }) => resetPassword({ db: ctx.db, actor: ctx.actor, ...input })),

  signOutEverywhere: permissionProcedure("users.manage")
    .input(ZUserId)
    .output(ZEnded)
    .mutation(({ ctx, input }) => signOutEverywhere({ db: ctx.db, actor: ctx.actor, userId: input.userId })),
});
