import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the WhatsApp Business Cloud API's send endpoint, for tests where the real one cannot
 * be reached. It checks every request against the documented shape (`POST /{version}/{phone-number-id}/messages`,
 * `Authorization: Bearer`, JSON, `messaging_product: "whatsapp"`, a template with a name, a language
 * and text body parameters that have no new-line or tab and no more than 4 consecutive spaces) and
 * answers like the API: `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid.…" }] }`,
 * or the Graph error shape `{ error: { message, type, code, error_data, error_subcode?, fbtrace_id } }`.
 * Every request is recorded; `failNext(n, 500 | 429)` makes the next n fail as an outage or throttling would.
 *
 * References: Meta's Cloud API "Messages" reference and "Error codes" (as summarised by
 * https://help.verloop.io/knowledge-base/welcome-to-verloop-ios-whatsapps-error-code-user-guide and
 * https://developers.kaleyra.io/docs/cloud-api-error-codes), response example
 * https://prismatic.io/docs/example-payloads/whatsapp/actions/sendMessage.json.
 */

export interface WhatsAppRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
  /** The HTTP status the stand-in answered. */
  status: number;
}

/** A message the stand-in accepted. */
export interface AcceptedMessage {
  id: string;
  to: string;
  template: string;
  language: string;
  params: string[];
}

export interface WhatsAppStandInOptions {
  phoneNumberId?: string;
  token?: string;
  /** Version segment of the path (`v21.0`), as in https://graph.facebook.com/v21.0. */
  version?: string;
  /** Known templates: name → number of body parameters. Unset: any well-formed name is accepted. */
  templates?: Map<string, number>;
}

class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly details: string,
    readonly type = 'OAuthException',
  ) {
    super(message);
  }
}

export class WhatsAppStandIn {
  readonly requests: WhatsAppRequest[] = [];
  readonly accepted: AcceptedMessage[] = [];
  readonly phoneNumberId: string;
  readonly token: string;
  readonly version: string;
  private failures: number[] = [];
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly options: WhatsAppStandInOptions = {}) {
    this.phoneNumberId = options.phoneNumberId ?? '106540352242922';
    this.token = options.token ?? `EAAG${randomBytes(24).toString('hex')}`;
    this.version = options.version ?? 'v21.0';
  }

  /** The value of WHATSAPP_API_URL: `http://127.0.0.1:<port>/v21.0`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/${this.version}`;
  }

  /** The next `n` requests fail with `status` (500: "Something went wrong"; 429: "Rate limit hit"). */
  failNext(n: number, status: 500 | 429): void {
    for (let i = 0; i < n; i++) this.failures.push(status);
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (data += c));
      req.on('end', () => resolve(data));
    });
    const record: WhatsAppRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body: undefined,
      status: 0,
    };
    this.requests.push(record);
    let status = 200;
    let payload: unknown;
    try {
      payload = this.answer(req, raw, record);
    } catch (err) {
      const f =
        err instanceof GraphFailure
          ? err
          : new GraphFailure(500, 1, 'An unknown error occurred', (err as Error).message, 'OAuthException');
      status = f.status;
      payload = {
        error: {
          message: f.message,
          type: f.type,
          code: f.code,
          error_data: { messaging_product: 'whatsapp', details: f.details },
          fbtrace_id: `A${randomBytes(9).toString('base64url')}`,
        },
      };
    }
    record.status = status;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(payload));
  }

  private answer(req: IncomingMessage, raw: string, record: WhatsAppRequest): unknown {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const expected = `/${this.version}/${this.phoneNumberId}/messages`;
    if (path !== expected)
      throw new GraphFailure(
        400,
        100,
        'Unsupported post request.',
        `Object with ID '${path}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
        'GraphMethodException',
      );
    if (req.method !== 'POST')
      throw new GraphFailure(400, 100, 'Unsupported get request.', `${req.method} is not supported here`);
    const auth = req.headers.authorization;
    if (!auth || !auth.startsWith('Bearer '))
      throw new GraphFailure(401, 190, 'An active access token must be used to query information.', 'no token');
    if (auth !== `Bearer ${this.token}`)
      throw new GraphFailure(401, 190, 'Invalid OAuth access token - Cannot parse access token', 'bad token');

    const failure = this.failures.shift();
    if (failure === 429)
      throw new GraphFailure(429, 130429, '(#130429) Rate limit hit', 'Cloud API message throughput has been reached.');
    if (failure === 500) throw new GraphFailure(500, 131000, '(#131000) Something went wrong', 'Something went wrong.');

    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      throw new GraphFailure(
        400,
        100,
        '(#100) Invalid parameter',
        'The body must be JSON (Content-Type: application/json)',
      );
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new GraphFailure(400, 100, '(#100) Invalid parameter', 'The body is not valid JSON');
    }
    record.body = body;
    const invalid = (details: string) => new GraphFailure(400, 100, '(#100) Invalid parameter', details);
    const b = body as Record<string, unknown>;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw invalid('The body must be an object');
    if (b.messaging_product !== 'whatsapp')
      throw invalid('The parameter messaging_product is required and must be "whatsapp".');
    if (b.recipient_type !== undefined && b.recipient_type !== 'individual')
      throw invalid('recipient_type must be "individual"');
    if (typeof b.to !== 'string' || !/^\+?\d{8,15}$/.test(b.to)) throw invalid('The parameter to is required.');
    if (b.type !== 'template') throw invalid('This stand-in only sends messages of type "template"');
    const t = b.template as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object') throw invalid('The parameter template is required.');
    if (typeof t.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(t.name))
      throw invalid('template.name must be lower-case letters, digits and underscores');
    const language = t.language as { code?: unknown; policy?: unknown } | undefined;
    if (!language || typeof language.code !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language.code))
      throw invalid('template.language.code is required (e.g. "id", "en_US")');
    if (language.policy !== undefined && language.policy !== 'deterministic')
      throw invalid('template.language.policy must be "deterministic"');
    const components = t.components ?? [];
    if (!Array.isArray(components)) throw invalid('template.components must be an array');
    const params: string[] = [];
    for (const c of components as Record<string, unknown>[]) {
      if (!c || typeof c !== 'object' || !['header', 'body', 'button'].includes(c.type as string))
        throw invalid('component.type must be header, body or button');
      if (c.type !== 'body') throw invalid('This stand-in only knows body components');
      if (!Array.isArray(c.parameters)) throw invalid('component.parameters must be an array');
      for (const p of c.parameters as Record<string, unknown>[]) {
        if (!p || p.type !== 'text' || typeof p.text !== 'string')
          throw invalid('Each body parameter must be { type: "text", text: string }');
        if (p.text.trim() === '')
          throw new GraphFailure(400, 131008, '(#131008) Required parameter is missing', 'Param text is empty');
        if (/[\n\t]/.test(p.text) || / {5,}/.test(p.text))
          throw new GraphFailure(
            400,
            132018,
            '(#132018) There was an issue with the parameters in your template.',
            'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
          );
        if (p.text.length > 1024)
          throw new GraphFailure(400, 132005, '(#132005) Translated text too long', 'A parameter is too long');
        params.push(p.text);
      }
    }
    const known = this.options.templates;
    if (known) {
      const expectedCount = known.get(t.name);
      if (expectedCount === undefined)
        throw new GraphFailure(
          404,
          132001,
          '(#132001) Template name does not exist in the translation',
          `template name (${t.name}) does not exist in ${language.code}`,
        );
      if (expectedCount !== params.length)
        throw new GraphFailure(
          400,
          132000,
          '(#132000) Number of parameters does not match the expected number of params',
          `body: number of localizable_params (${params.length}) does not match the expected number of params (${expectedCount})`,
        );
    }
    const id = `wamid.${randomBytes(24).toString('base64url')}`;
    const to = b.to.replace(/^\+/, '');
    this.accepted.push({ id, to, template: t.name, language: language.code, params });
    return { messaging_product: 'whatsapp', contacts: [{ input: b.to, wa_id: to }], messages: [{ id }] };
  }
}
