import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { RenderedMessage } from '../notification-kinds.js';
import { DeliveryError } from './delivery-error.js';

/** Waits on the SMTP server: to connect, for its greeting, and for any answer once talking. */
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 5_000;
const SOCKET_TIMEOUT_MS = 15_000;

/** nodemailer's error codes whose cause is on the way or at the server, not in the message. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'EAUTH',
  'ENOAUTH',
]);

interface SmtpError {
  code?: string;
  responseCode?: number;
}

/**
 * Email over SMTP (SMTP_URL, MAIL_FROM) through nodemailer's pooled transport: a few connections kept
 * open between messages and closed at shutdown. Not configured (no SMTP_URL): `configured` is false and
 * nothing is sent.
 */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { smtpUrl, mailFrom } = config.notifications;
    this.from = mailFrom;
    this.transport = smtpUrl
      ? createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 3,
          connectionTimeout: CONNECTION_TIMEOUT_MS,
          greetingTimeout: GREETING_TIMEOUT_MS,
          socketTimeout: SOCKET_TIMEOUT_MS,
          // A relay without STARTTLS on a private network still works; smtps:// or a server offering
          // STARTTLS gets TLS.
          disableFileAccess: true,
          disableUrlAccess: true,
        })
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  /**
   * Sends one message to one address. Throws DeliveryError: retryable when the server could not be
   * reached, timed out, refused the login or answered 4xx; not retryable when it refused the message
   * or the address for good (5xx).
   */
  async send(to: string, message: RenderedMessage, unsubscribeUrl: string): Promise<void> {
    if (!this.transport) throw new DeliveryError('email is not configured (SMTP_URL)', false);
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject: message.email.subject,
        text: message.email.text,
        html: message.email.html,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/** Only nodemailer's code and the SMTP status go into the reason: its messages may quote addresses. */
export function toDeliveryError(err: unknown): DeliveryError {
  const { code, responseCode } = (err ?? {}) as SmtpError;
  if (typeof responseCode === 'number' && responseCode >= 400) {
    const transient = responseCode < 500 || code === 'EAUTH';
    const what = code === 'EAUTH' ? 'refused the login' : code === 'EENVELOPE' ? 'refused the address' : 'refused';
    return new DeliveryError(`SMTP server ${what} (${responseCode})`, transient);
  }
  if (code && TRANSIENT_CODES.has(code)) {
    const what: Record<string, string> = {
      ECONNECTION: 'SMTP server unreachable',
      ETIMEDOUT: 'SMTP server timed out',
      ESOCKET: 'SMTP connection failed',
      EDNS: 'SMTP server name not found',
      ETLS: 'SMTP TLS failed',
      EPROTOCOL: 'SMTP server answered unexpectedly',
      EAUTH: 'SMTP login failed',
      ENOAUTH: 'SMTP login failed',
    };
    const unreachable = ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS'].includes(code);
    return new DeliveryError(what[code], true, unreachable ? 'UNREACHABLE' : 'ERROR');
  }
  if (code === 'EENVELOPE') return new DeliveryError('invalid email address', false);
  if (code === 'EMESSAGE') return new DeliveryError('message refused by nodemailer', false);
  // Anything else (a socket error without nodemailer's code) is treated as passing.
  return new DeliveryError(code ? `SMTP error (${code})` : 'SMTP error', true);
}
