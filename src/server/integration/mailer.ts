import nodemailer from "nodemailer";

export type MailAttachment = { filename: string; content: Buffer; contentType: string };
export type { SendingConfig } from "./sending-config";

export type Mail = { from: string; to: string[]; subject: string; text: string; html: string; attachments: MailAttachment[]; messageId: string };

/** What the sender sends through: SMTP in the app, the same in tests (a real server on a local port). */
export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

/**
 * A nodemailer SMTP transport on `url` (smtp:// or smtps://, user and password in it). Timeouts are short: a job
 * must not hang on a server that does not answer; the retry comes later anyway.
 */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 });
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close: () => transport.close(),
  };
}

