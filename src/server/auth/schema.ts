import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "../db/columns";
import { ROLES } from "./roles";

export const roleEnum = pgEnum("role", ROLES);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    lastSignedInAt: timestamp("last_signed_in_at", { withTimezone: true, mode: "date", precision: 3 }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_uq").on(sql`lower(${t.email})`)],
);

/**
 * Sessions a user holds (one per sign-in). The session cookie names one; each request checks it is still here,
 * so signing out, "sign out everywhere", a password reset or deactivating the user ends it at once.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    address: text("address").notNull(),
    userAgent: text("user_agent").notNull(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in tries per key ("account:<email>", "address:<ip>") in the current window: counted by one upsert before
 * the password is checked, so concurrent tries cannot all slip under the limit.
 */
export const signInLimits = pgTable("sign_in_limits", {
  key: text("key").primaryKey(),
  tries: integer("tries").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});

/** Failed sign-ins, kept in the database so the rate limit holds across app nodes. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    userId: uuid("user_id").references(() => users.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.attemptedAt),
    index("login_attempts_ip_idx").on(t.ip, t.attemptedAt),
  ],
);

/**
 * A user's own settings for the desk (the order list's columns and density, …): one JSON value per key,
 * read by the page that owns the key with its own schema (a value it cannot read falls back to its default).
 */
export const userPreferences = pgTable(
  "user_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
