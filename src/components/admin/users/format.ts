import type { ApiError } from "~/lib/trpc-error";

/**
 * The field errors of a refused users call: zod's and AppError.invalidField's `details.fields`, or, for the
 * conflicts that name their field only in the message ("email: a user with email … already exists",
 * "isActive: … is the last active administrator."), the field the message starts with.
 */
export function userFieldErrors(error: ApiError): Record<string, string[]> {
  if (error.details?.fields && Object.keys(error.details.fields).length > 0) return error.details.fields;
  const named = /^([A-Za-z][\w.]*): (.+)$/s.exec(error.message);
  return named ? { [named[1]!]: [named[2]!] } : {};
}

/** "1 session", "3 sessions". */
export function sessionsText(count: number): string {
  return `${count} session${count === 1 ? "" : "s"}`;
}

/** Letters and digits a person reads out or types without mixing up (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A password to hand over: 16 random characters from the browser's CSPRNG in four groups of four
 * ("h7Kp-2mQx-…", 19 characters, about 92 bits), easy to read out and well over the 10-character minimum.
 */
export function generatePassword(): string {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length); // rejection sampling: no bias towards the first letters
  const chars: string[] = [];
  while (chars.length < 16) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < limit && chars.length < 16) chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length]!);
    }
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, for a recent moment ("Just now", "12 minutes ago", "3 hours ago", "yesterday", "4 days ago" in the
 * locale's words), or null from a week back, where a date says more.
 */
export function recentlyText(at: Date, now: number, locale?: string): string | null {
  const ago = now - at.getTime();
  if (ago < MINUTE) return "Just now";
  if (ago >= 7 * DAY) return null;
  const words = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (ago < HOUR) return words.format(-Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return words.format(-Math.floor(ago / HOUR), "hour");
  return words.format(-Math.floor(ago / DAY), "day");
}
