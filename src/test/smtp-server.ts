import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtpServer = {
  /** smtp://127.0.0.1:<port>: the SMTP_URL to send through. */
  url: string;
  /** What arrived, parsed (subject, to, html, text, attachments), in order. */
  received: ParsedMail[];
  /** While set, every message is refused with this answer (a 550 after DATA). */
  rejectWith: string | null;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on a free local port for a test (no auth, no TLS): it parses what it is sent, or refuses it
 * after the DATA phase as a mail server does for a full mailbox.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: "", received: [], rejectWith: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.rejectWith) {
          const error = Object.assign(new Error(state.rejectWith), { responseCode: 550 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            state.received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
