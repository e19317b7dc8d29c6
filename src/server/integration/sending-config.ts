import { env } from "~/env";

export type SendingConfig = { smtpUrl: string; from: string };

/** The app's SMTP settings, or null when SMTP_URL is unset (sending is off: messages stay pending). */
export function sendingConfig(e: { SMTP_URL?: string; SMTP_FROM: string } = env): SendingConfig | null {
  return e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.SMTP_FROM } : null;
}

/** Pages ask this (no nodemailer in their import graph). */
export const isSendingEnabled = () => sendingConfig() !== null;
