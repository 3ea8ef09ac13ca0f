import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { Lang } from '../notification-kinds.js';
import { DeliveryError } from './delivery-error.js';

/** Longest wait for the Cloud API's answer. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Graph error codes that mean "later": throttling (4, 80007, 130429, 131056), the service being down or
 * overloaded (1, 2, 131000, 131016). Whatever the HTTP status they come with.
 */
const TRANSIENT_GRAPH_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056]);

interface GraphError {
  error?: { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown; fbtrace_id?: unknown };
}

interface SendReply {
  messages?: { id?: unknown }[];
}

/**
 * An Indonesian mobile number as WhatsApp wants it: digits with the country code, no `+`
 * (`0812-3456-7890`, `+62 812 3456 7890`, `62812…`, `812…` → `6281234567890`). Null when it cannot
 * be one (too short or long, not a mobile number, letters).
 */
export function normalizeIndonesianPhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s\-.()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let digits = compact.replace(/^\+/, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith('8')) digits = `62${digits}`;
  // Mobile numbers: 62 8xx, 9 to 12 digits after the 62 (08xx-xxxx-xxxx has 10 to 13 digits).
  return /^628\d{8,11}$/.test(digits) ? digits : null;
}

/**
 * WhatsApp Business Cloud API (`POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages`) with
 * `fetch`: template messages only, since the platform always writes first (outside the 24-hour window
 * only approved templates may be sent). Not configured: `configured` is false and nothing is sent.
 */
@Injectable()
export class WhatsAppChannel {
  private readonly settings: AppConfig['notifications']['whatsapp'];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.notifications.whatsapp;
  }

  get configured(): boolean {
    return this.settings !== null;
  }

  /**
   * Sends template `template` in `lang` with its body parameters in order; answers the message id
   * (`wamid.…`). Throws DeliveryError: retryable on a network failure, a timeout, 429, 5xx or a
   * throttling code; not retryable on other refusals (bad token, unknown template, bad parameters)
   * and on a number that cannot be an Indonesian mobile number.
   */
  async send(toPhone: string, template: string, lang: Lang, params: string[]): Promise<{ messageId: string }> {
    const settings = this.settings;
    if (!settings) throw new DeliveryError('WhatsApp is not configured (WHATSAPP_*)', false);
    if (!template) throw new DeliveryError('no WhatsApp template for this message', false);
    const to = normalizeIndonesianPhone(toPhone);
    if (!to) throw new DeliveryError('not a valid Indonesian mobile number', false, 'INVALID_PHONE');

    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: template,
        language: { code: lang },
        components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }],
      },
    };
    let res: Response;
    try {
      res = await fetch(`${settings.apiUrl}/${encodeURIComponent(settings.phoneNumberId)}/messages`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${settings.token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new DeliveryError(timedOut ? 'WhatsApp API timed out' : 'WhatsApp API unreachable', true, 'UNREACHABLE');
    }

    let payload: unknown = null;
    try {
      payload = await res.json();
    } catch {
      payload = null;
    }
    if (res.ok) {
      const id = (payload as SendReply | null)?.messages?.[0]?.id;
      if (typeof id === 'string' && id !== '') return { messageId: id };
      throw new DeliveryError(`WhatsApp API answered ${res.status} without a message id`, true);
    }
    throw graphError(res.status, payload);
  }
}

/** The Graph error's code and trace id go into the reason; its message may quote the number, so not it. */
function graphError(status: number, payload: unknown): DeliveryError {
  const error = (payload as GraphError | null)?.error;
  const code = typeof error?.code === 'number' ? error.code : null;
  const trace = typeof error?.fbtrace_id === 'string' ? error.fbtrace_id.replace(/[^\w-]/g, '').slice(0, 40) : '';
  const retryable = status === 429 || status >= 500 || (code !== null && TRANSIENT_GRAPH_CODES.has(code));
  const parts = [`HTTP ${status}`, ...(code !== null ? [`code ${code}`] : []), ...(trace ? [`trace ${trace}`] : [])];
  return new DeliveryError(`WhatsApp API refused the message (${parts.join(', ')})`, retryable);
}
