import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the inbox parsed it. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case; values as mailparser gives them (strings for the ones tests read). */
  headers: Map<string, unknown>;
  /** The header section as sent, unfolded lines. */
  rawHeaders: string;
  /** The user the client logged in as, if it did. */
  user: string | null;
}

export interface SmtpInboxOptions {
  /** Require a login: `'any'` accepts every user and password; an object accepts only that pair. */
  auth?: 'any' | { user: string; pass: string };
  /** Recipients refused for good (550), as a server refuses an unknown mailbox. */
  refuseRecipients?: RegExp;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that parses each message it receives
 * (`mailparser`), for tests of the email channel. `stop()` then `restart()` keeps the port, to
 * simulate a mail server that goes away and comes back.
 */
export class SmtpInbox {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private port = 0;

  private constructor(private readonly options: SmtpInboxOptions) {}

  static async start(options: SmtpInboxOptions = {}): Promise<SmtpInbox> {
    const inbox = new SmtpInbox(options);
    await inbox.listen();
    return inbox;
  }

  /** `smtp://127.0.0.1:<port>`, with `user:pass@` when a given pair is required. */
  get url(): string {
    const auth = this.options.auth;
    const cred = auth && auth !== 'any' ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
    return `smtp://${cred}127.0.0.1:${this.port}`;
  }

  /** Resolves with the first message (already received or to come) that matches; rejects after `timeoutMs`. */
  async waitFor(match: (m: ReceivedMail) => boolean, timeoutMs = 5_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`SmtpInbox: no matching message within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Goes away: open connections are cut, new ones refused. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    if (!this.server) await this.listen();
  }

  private async listen(): Promise<void> {
    const auth = this.options.auth;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      allowInsecureAuth: true,
      authOptional: !auth,
      // Connections are cut at once on close, as a crashed server would.
      closeTimeout: 50,
      logger: false,
      onAuth: (a, _session, callback) => {
        if (!auth) return callback(new Error('Authentication not enabled'));
        if (auth === 'any' || (a.username === auth.user && a.password === auth.pass))
          return callback(null, { user: a.username });
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (this.options.refuseRecipients?.test(address.address))
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        return callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const fromAddress = parsed.from?.value[0]?.address ?? '';
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: fromAddress,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers as Map<string, unknown>,
              rawHeaders: parsed.headerLines.map((h) => h.line.replace(/\r?\n(?=[ \t])/g, '')).join('\n'),
              user: typeof session.user === 'string' ? session.user : null,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }
}
