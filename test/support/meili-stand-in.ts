import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a Meilisearch server, for tests where no real one can run. It checks every request
 * against Meilisearch's documented API (routes, methods, body shapes, that filtered/faceted/sorted
 * attributes were declared in the settings) and records each departure from it in `violations`; and it
 * behaves enough like Meilisearch to answer: indexes, settings, document upserts and deletes, search
 * with filter expressions (the subset the application emits), facets, sort, page/hitsPerPage,
 * synonyms, asynchronous tasks to poll, and index swaps. `stop()` and `start()` simulate an outage on
 * the same port.
 *
 * Reference: https://www.meilisearch.com/docs/reference/api/overview
 */

type Doc = Record<string, unknown>;

interface IndexState {
  uid: string;
  primaryKey: string | null;
  settings: Settings;
  docs: Map<string, Doc>;
}

interface Settings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  synonyms: Record<string, string[]>;
  [key: string]: unknown;
}

interface TaskState {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed';
  error: { message: string; code: string; type: string; link: string } | null;
  enqueuedAt: string;
  polls: number;
  /** Applied when the task is first polled after being enqueued, as Meilisearch processes asynchronously. */
  apply: () => void;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SETTINGS_KEYS = new Set([
  'displayedAttributes',
  'searchableAttributes',
  'filterableAttributes',
  'sortableAttributes',
  'rankingRules',
  'stopWords',
  'nonSeparatorTokens',
  'separatorTokens',
  'dictionary',
  'synonyms',
  'distinctAttribute',
  'proximityPrecision',
  'typoTolerance',
  'faceting',
  'pagination',
  'searchCutoffMs',
  'localizedAttributes',
  'facetSearch',
  'prefixSearch',
]);
const BUILTIN_RANKING_RULES = new Set([
  'words',
  'typo',
  'proximity',
  'attribute',
  'sort',
  'exactness',
  'attributeRank',
  'wordPosition',
]);
const SEARCH_KEYS = new Set([
  'q',
  'offset',
  'limit',
  'page',
  'hitsPerPage',
  'filter',
  'facets',
  'sort',
  'attributesToRetrieve',
  'attributesToCrop',
  'cropLength',
  'attributesToHighlight',
  'showMatchesPosition',
  'matchingStrategy',
  'showRankingScore',
  'attributesToSearchOn',
]);
const ID_RE = /^[A-Za-z0-9_-]{1,511}$/;
const INDEX_UID_RE = /^[A-Za-z0-9_-]{1,400}$/;

function defaultSettings(): Settings {
  return {
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    synonyms: {},
  };
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Meilisearch's tokenizer as far as the tests need it: lower-cased, accents folded, cut at non-letters. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export class MeiliStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Requests that did not follow the documented API; a test expects this to stay empty. */
  readonly violations: string[] = [];
  private readonly indexes = new Map<string, IndexState>();
  private readonly tasks = new Map<number, TaskState>();
  private nextTaskUid = 0;
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly apiKey: string | null = null) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Listens on 127.0.0.1, on a random port the first time and on the same port after a stop. */
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

  /** Goes away like a crashed server: open connections are cut, new ones refused. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The documents of an index (after its pending tasks), for assertions. */
  documents(indexUid: string): Doc[] {
    this.settleAll();
    return [...(this.indexes.get(indexUid)?.docs.values() ?? [])];
  }

  settingsOf(indexUid: string): Settings | undefined {
    this.settleAll();
    return this.indexes.get(indexUid)?.settings;
  }

  indexNames(): string[] {
    this.settleAll();
    return [...this.indexes.keys()];
  }

  /** Removes documents behind the application's back (to show that reindex repairs an index). */
  tamper(indexUid: string, mutate: (docs: Map<string, Doc>) => void): void {
    this.settleAll();
    const index = this.indexes.get(indexUid);
    if (index) mutate(index.docs);
  }

  private settleAll(): void {
    for (const task of this.tasks.values()) this.process(task);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    let body: unknown = undefined;
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        let data = '';
        req.setEncoding('utf8');
        req.on('data', (c: string) => (data += c));
        req.on('end', () => resolve(data));
        req.on('error', reject);
      });
      if (raw !== '') {
        if (!/application\/json/.test(req.headers['content-type'] ?? '')) {
          throw new ApiError(415, 'invalid_content_type', 'The Content-Type header must be application/json');
        }
        try {
          body = JSON.parse(raw);
        } catch {
          throw new ApiError(400, 'malformed_payload', 'The request body is not valid JSON');
        }
      }
      this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body });
      if (url.pathname !== '/health') this.authorize(req);
      const { status, payload } = this.route(req.method ?? 'GET', url, body);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 'internal', (err as Error).message);
      if (e.status !== 404 || e.code !== 'index_not_found')
        this.violations.push(`${req.method} ${url.pathname}: ${e.code}: ${e.message}`);
      res.writeHead(e.status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          message: e.message,
          code: e.code,
          type: 'invalid_request',
          link: `https://docs.meilisearch.com/errors#${e.code}`,
        }),
      );
    }
  }

  private authorize(req: IncomingMessage): void {
    if (!this.apiKey) return;
    const header = req.headers.authorization;
    if (!header) throw new ApiError(401, 'missing_authorization_header', 'The Authorization header is missing.');
    if (header !== `Bearer ${this.apiKey}`)
      throw new ApiError(403, 'invalid_api_key', 'The provided API key is invalid.');
  }

  private route(method: string, url: URL, body: unknown): { status: number; payload?: unknown } {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [a, b, c, d] = parts;
    if (method === 'GET' && a === 'health' && parts.length === 1)
      return { status: 200, payload: { status: 'available' } };
    if (method === 'GET' && a === 'version' && parts.length === 1)
      return { status: 200, payload: { pkgVersion: 'stand-in' } };
    if (a === 'tasks' && method === 'GET' && parts.length === 2)
      return { status: 200, payload: this.pollTask(Number(b)) };
    if (a === 'swap-indexes' && method === 'POST' && parts.length === 1) return this.swap(body);
    if (a !== 'indexes') throw new ApiError(404, 'not_found', `No route ${method} ${url.pathname}`);
    if (parts.length === 1 && method === 'POST') return this.createIndex(body);
    if (!b || !INDEX_UID_RE.test(b)) throw new ApiError(400, 'invalid_index_uid', `Invalid index uid ${String(b)}`);
    if (parts.length === 2 && method === 'GET') return { status: 200, payload: this.indexInfo(this.existing(b)) };
    if (parts.length === 2 && method === 'DELETE')
      return this.enqueue(
        b,
        'indexDeletion',
        () => this.indexes.delete(b),
        () => this.mustExist(b),
      );
    if (c === 'settings' && parts.length === 3 && method === 'PATCH') return this.updateSettings(b, body);
    if (c === 'settings' && parts.length === 3 && method === 'GET')
      return { status: 200, payload: this.existing(b).settings };
    if (c === 'documents' && parts.length === 3 && (method === 'POST' || method === 'PUT'))
      return this.addDocuments(b, body, url.searchParams.get('primaryKey'), method === 'PUT');
    if (c === 'documents' && d === 'delete-batch' && parts.length === 4 && method === 'POST')
      return this.deleteBatch(b, body);
    if (c === 'documents' && parts.length === 4 && method === 'DELETE') return this.deleteBatch(b, [d]);
    if (c === 'search' && parts.length === 3 && method === 'POST')
      return { status: 200, payload: this.search(this.existing(b), body) };
    throw new ApiError(404, 'not_found', `No route ${method} ${url.pathname}`);
  }

  // ---- tasks ---------------------------------------------------------------------------------

  private enqueue(
    indexUid: string | null,
    type: string,
    apply: () => void,
    precondition?: () => void,
  ): { status: number; payload: unknown } {
    const uid = this.nextTaskUid++;
    const task: TaskState = {
      uid,
      indexUid,
      type,
      status: 'enqueued',
      error: null,
      enqueuedAt: new Date().toISOString(),
      polls: 0,
      apply: () => {
        precondition?.();
        apply();
      },
    };
    this.tasks.set(uid, task);
    // Tasks are processed in order: earlier ones settle before a later one is looked at.
    return { status: 202, payload: { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt } };
  }

  private process(task: TaskState): void {
    if (task.status === 'succeeded' || task.status === 'failed') return;
    for (const earlier of this.tasks.values()) if (earlier.uid < task.uid) this.process(earlier);
    try {
      task.apply();
      task.status = 'succeeded';
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 'internal', (err as Error).message);
      task.status = 'failed';
      task.error = {
        message: e.message,
        code: e.code,
        type: 'invalid_request',
        link: `https://docs.meilisearch.com/errors#${e.code}`,
      };
    }
  }

  private pollTask(uid: number) {
    const task = this.tasks.get(uid);
    if (!task) throw new ApiError(404, 'task_not_found', `Task \`${uid}\` not found.`);
    task.polls += 1;
    // The first poll finds it processing, so clients must really poll.
    if (task.polls === 1 && task.status === 'enqueued') task.status = 'processing';
    else this.process(task);
    const now = new Date().toISOString();
    return {
      uid: task.uid,
      indexUid: task.indexUid,
      status: task.status,
      type: task.type,
      canceledBy: null,
      details: {},
      error: task.error,
      duration: task.status === 'succeeded' || task.status === 'failed' ? 'PT0.001S' : null,
      enqueuedAt: task.enqueuedAt,
      startedAt: task.status === 'enqueued' ? null : now,
      finishedAt: task.status === 'succeeded' || task.status === 'failed' ? now : null,
    };
  }

  // ---- indexes and settings ------------------------------------------------------------------

  private existing(uid: string): IndexState {
    this.settleAll();
    const index = this.indexes.get(uid);
    if (!index) throw new ApiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return index;
  }

  private mustExist(uid: string): IndexState {
    const index = this.indexes.get(uid);
    if (!index) throw new ApiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return index;
  }

  private ensureIndex(uid: string, primaryKey: string | null = null): IndexState {
    let index = this.indexes.get(uid);
    if (!index) {
      index = { uid, primaryKey, settings: defaultSettings(), docs: new Map() };
      this.indexes.set(uid, index);
    }
    return index;
  }

  private indexInfo(index: IndexState) {
    return {
      uid: index.uid,
      primaryKey: index.primaryKey,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
  }

  private createIndex(body: unknown) {
    const b = body as { uid?: unknown; primaryKey?: unknown } | undefined;
    if (!b || typeof b.uid !== 'string' || !INDEX_UID_RE.test(b.uid))
      throw new ApiError(400, 'invalid_index_uid', 'uid must be a valid index uid');
    if (b.primaryKey !== undefined && b.primaryKey !== null && typeof b.primaryKey !== 'string')
      throw new ApiError(400, 'invalid_index_primary_key', 'primaryKey must be a string');
    for (const k of Object.keys(b))
      if (k !== 'uid' && k !== 'primaryKey') throw new ApiError(400, 'bad_request', `Unknown field \`${k}\``);
    const uid = b.uid;
    return this.enqueue(uid, 'indexCreation', () => {
      if (this.indexes.has(uid)) throw new ApiError(409, 'index_already_exists', `Index \`${uid}\` already exists.`);
      this.ensureIndex(uid, (b.primaryKey as string | undefined) ?? null);
    });
  }

  private updateSettings(uid: string, body: unknown) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError(400, 'bad_request', 'Settings must be an object');
    const s = body as Record<string, unknown>;
    for (const [key, value] of Object.entries(s)) {
      if (!SETTINGS_KEYS.has(key)) throw new ApiError(400, 'bad_request', `Unknown field \`${key}\` in settings`);
      if (value === null) continue;
      if (
        ['searchableAttributes', 'sortableAttributes', 'displayedAttributes', 'stopWords'].includes(key) &&
        !isStringArray(value)
      ) {
        throw new ApiError(400, `invalid_settings_${key}`, `${key} must be an array of strings`);
      }
      if (
        key === 'filterableAttributes' &&
        !(Array.isArray(value) && value.every((v) => typeof v === 'string' || (typeof v === 'object' && v !== null)))
      ) {
        throw new ApiError(400, 'invalid_settings_filterable_attributes', 'filterableAttributes must be an array');
      }
      if (key === 'rankingRules') {
        if (!isStringArray(value))
          throw new ApiError(400, 'invalid_settings_ranking_rules', 'rankingRules must be an array of strings');
        for (const rule of value) {
          if (!BUILTIN_RANKING_RULES.has(rule) && !/^[A-Za-z0-9_.]+:(asc|desc)$/.test(rule)) {
            throw new ApiError(400, 'invalid_settings_ranking_rules', `\`${rule}\` ranking rule is invalid`);
          }
        }
      }
      if (
        key === 'synonyms' &&
        !(typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isStringArray))
      ) {
        throw new ApiError(400, 'invalid_settings_synonyms', 'synonyms must map words to arrays of strings');
      }
      if (
        key === 'pagination' &&
        !(typeof value === 'object' && Object.keys(value as object).every((k) => k === 'maxTotalHits'))
      ) {
        throw new ApiError(400, 'invalid_settings_pagination', 'pagination accepts maxTotalHits only');
      }
      if (
        key === 'faceting' &&
        !(
          typeof value === 'object' &&
          Object.keys(value as object).every((k) => k === 'maxValuesPerFacet' || k === 'sortFacetValuesBy')
        )
      ) {
        throw new ApiError(
          400,
          'invalid_settings_faceting',
          'faceting accepts maxValuesPerFacet and sortFacetValuesBy',
        );
      }
    }
    return this.enqueue(uid, 'settingsUpdate', () => {
      const index = this.ensureIndex(uid);
      for (const [key, value] of Object.entries(s)) index.settings[key] = value ?? defaultSettings()[key];
      index.settings.filterableAttributes = (index.settings.filterableAttributes as unknown[]).map((f) =>
        typeof f === 'string' ? f : String((f as { attributePatterns?: string[] }).attributePatterns?.[0] ?? ''),
      );
    });
  }

  private swap(body: unknown) {
    if (!Array.isArray(body) || body.length === 0)
      throw new ApiError(400, 'invalid_swap_indexes', 'The body must be a non-empty array of swaps');
    const swaps = body.map((s: unknown) => {
      const o = s as { indexes?: unknown; rename?: unknown };
      if (!isStringArray(o?.indexes) || o.indexes.length !== 2)
        throw new ApiError(400, 'invalid_swap_indexes', 'Each swap needs `indexes`: two index uids');
      for (const k of Object.keys(o))
        if (k !== 'indexes' && k !== 'rename') throw new ApiError(400, 'bad_request', `Unknown field \`${k}\``);
      if (o.rename !== undefined && typeof o.rename !== 'boolean')
        throw new ApiError(400, 'invalid_swap_rename', '`rename` must be a boolean');
      return { pair: o.indexes as [string, string], rename: o.rename === true };
    });
    return this.enqueue(null, 'indexSwap', () => {
      for (const { pair, rename } of swaps) {
        const [x, y] = pair;
        const ix = this.mustExist(x);
        if (rename) {
          // The first index takes the second's name; that name must be free.
          if (this.indexes.has(y))
            throw new ApiError(400, 'invalid_swap_indexes', `Cannot rename to existing index \`${y}\``);
          this.indexes.delete(x);
          this.indexes.set(y, { ...ix, uid: y });
          continue;
        }
        const iy = this.mustExist(y);
        this.indexes.set(x, { ...iy, uid: x });
        this.indexes.set(y, { ...ix, uid: y });
      }
    });
  }

  // ---- documents -----------------------------------------------------------------------------

  private addDocuments(uid: string, body: unknown, primaryKeyParam: string | null, partial: boolean) {
    if (!Array.isArray(body) || !body.every((d) => d && typeof d === 'object' && !Array.isArray(d))) {
      throw new ApiError(400, 'malformed_payload', 'Documents must be sent as an array of objects');
    }
    const docs = body as Doc[];
    return this.enqueue(uid, 'documentAdditionOrUpdate', () => {
      const index = this.ensureIndex(uid);
      const pk = index.primaryKey ?? primaryKeyParam ?? (docs[0] && 'id' in docs[0] ? 'id' : null);
      if (!pk) throw new ApiError(400, 'index_primary_key_no_candidate_found', 'No primary key could be inferred');
      if (index.primaryKey && primaryKeyParam && primaryKeyParam !== index.primaryKey) {
        throw new ApiError(400, 'index_primary_key_already_exists', 'The index already has a different primary key');
      }
      index.primaryKey = pk;
      for (const doc of docs) {
        const id = doc[pk];
        if ((typeof id !== 'string' && typeof id !== 'number') || !ID_RE.test(String(id))) {
          throw new ApiError(400, 'invalid_document_id', `Document identifier \`${String(id)}\` is invalid`);
        }
      }
      for (const doc of docs) {
        const id = String(doc[pk]);
        index.docs.set(id, partial ? { ...(index.docs.get(id) ?? {}), ...doc } : { ...doc });
      }
    });
  }

  private deleteBatch(uid: string, body: unknown) {
    if (!Array.isArray(body) || !body.every((id) => typeof id === 'string' || typeof id === 'number')) {
      throw new ApiError(400, 'invalid_document_ids', 'delete-batch takes an array of document ids');
    }
    return this.enqueue(uid, 'documentDeletion', () => {
      const index = this.mustExist(uid);
      for (const id of body) index.docs.delete(String(id));
    });
  }

  // ---- search --------------------------------------------------------------------------------

  private search(index: IndexState, body: unknown) {
    const p = (body ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(p))
      if (!SEARCH_KEYS.has(k)) throw new ApiError(400, 'bad_request', `Unknown field \`${k}\` in search`);
    const q = p.q === undefined || p.q === null ? '' : p.q;
    if (typeof q !== 'string') throw new ApiError(400, 'invalid_search_q', 'q must be a string');
    const strategy = p.matchingStrategy ?? 'last';
    if (!['last', 'all', 'frequency'].includes(strategy as string))
      throw new ApiError(400, 'invalid_search_matching_strategy', 'Unknown matchingStrategy');
    const filterable = new Set(index.settings.filterableAttributes);
    const sortable = new Set(index.settings.sortableAttributes);

    const predicate = this.parseFilter(p.filter, filterable);
    const facets = p.facets ?? [];
    if (!isStringArray(facets)) throw new ApiError(400, 'invalid_search_facets', 'facets must be an array of strings');
    for (const f of facets)
      if (!filterable.has(f)) throw new ApiError(400, 'invalid_search_facets', `Attribute \`${f}\` is not filterable`);
    const sort = p.sort ?? [];
    if (!isStringArray(sort)) throw new ApiError(400, 'invalid_search_sort', 'sort must be an array of strings');
    const sorts = sort.map((s) => {
      const m = /^([A-Za-z0-9_.]+):(asc|desc)$/.exec(s);
      if (!m) throw new ApiError(400, 'invalid_search_sort', `\`${s}\` is not a valid sort expression`);
      if (!sortable.has(m[1])) throw new ApiError(400, 'invalid_search_sort', `Attribute \`${m[1]}\` is not sortable`);
      return { attr: m[1], dir: m[2] === 'asc' ? 1 : -1 };
    });
    const paged = p.page !== undefined || p.hitsPerPage !== undefined;
    for (const k of ['page', 'hitsPerPage', 'offset', 'limit']) {
      if (p[k] !== undefined && !(Number.isInteger(p[k]) && (p[k] as number) >= 0))
        throw new ApiError(400, `invalid_search_${k}`, `${k} must be a non-negative integer`);
    }
    if (paged && (p.page as number | undefined) === 0)
      throw new ApiError(400, 'invalid_search_page', 'page must be at least 1');

    const matches = [...index.docs.values()].filter(
      (d) => predicate(d) && this.matchesQuery(index, d, q, strategy as string),
    );
    matches.sort((x, y) => {
      for (const { attr, dir } of sorts) {
        const a = x[attr];
        const b = y[attr];
        // Documents without the attribute come last whatever the direction.
        if (a === undefined || a === null) {
          if (b === undefined || b === null) continue;
          return 1;
        }
        if (b === undefined || b === null) return -1;
        if (a < b) return -dir;
        if (a > b) return dir;
      }
      return 0;
    });
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of facets) {
      const counts: Record<string, number> = {};
      for (const d of matches) {
        const v = d[f];
        for (const value of Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
          counts[String(value)] = (counts[String(value)] ?? 0) + 1;
      }
      facetDistribution[f] = counts;
    }
    const retrieve = p.attributesToRetrieve as string[] | undefined;
    const project = (d: Doc) =>
      retrieve && !retrieve.includes('*')
        ? Object.fromEntries(Object.entries(d).filter(([k]) => retrieve.includes(k)))
        : d;
    const base = { query: q, processingTimeMs: 0, ...(facets.length > 0 ? { facetDistribution, facetStats: {} } : {}) };
    if (paged) {
      const hitsPerPage = (p.hitsPerPage as number | undefined) ?? 20;
      const page = (p.page as number | undefined) ?? 1;
      const hits = matches.slice((page - 1) * hitsPerPage, page * hitsPerPage).map(project);
      return {
        hits,
        ...base,
        hitsPerPage,
        page,
        totalPages: hitsPerPage === 0 ? 0 : Math.ceil(matches.length / hitsPerPage),
        totalHits: matches.length,
      };
    }
    const offset = (p.offset as number | undefined) ?? 0;
    const limit = (p.limit as number | undefined) ?? 20;
    return {
      hits: matches.slice(offset, offset + limit).map(project),
      ...base,
      offset,
      limit,
      estimatedTotalHits: matches.length,
    };
  }

  /** Word matching: every query word (strategy `all`) in a searchable attribute, or one of its synonyms; the last word also as a prefix. */
  private matchesQuery(index: IndexState, doc: Doc, q: string, strategy: string): boolean {
    const queryWords = words(q);
    if (queryWords.length === 0) return true;
    const attrs = index.settings.searchableAttributes.includes('*')
      ? Object.keys(doc)
      : index.settings.searchableAttributes;
    const text = attrs
      .map((a) => doc[a])
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v) => typeof v === 'string')
      .join(' ');
    const tokens = words(text);
    const joined = ` ${tokens.join(' ')} `;
    const matchesWord = (w: string, last: boolean) => {
      const alternatives = [w, ...(index.settings.synonyms[w] ?? [])].map((s) => words(s).join(' '));
      return alternatives.some((alt) => joined.includes(` ${alt} `) || (last && tokens.some((t) => t.startsWith(alt))));
    };
    const results = queryWords.map((w, i) => matchesWord(w, i === queryWords.length - 1));
    return strategy === 'all' ? results.every(Boolean) : results.some(Boolean);
  }

  /**
   * The filter grammar subset the application emits: an expression string `attr OP value`
   * (OP in = != > >= < <=; value a number, true/false, or a double-quoted string), or an array of
   * such expressions (AND) whose elements may be arrays (OR).
   */
  private parseFilter(filter: unknown, filterable: Set<string>): (d: Doc) => boolean {
    if (filter === undefined || filter === null) return () => true;
    const one = (expr: string): ((d: Doc) => boolean) => {
      const m = /^\s*([A-Za-z0-9_.]+)\s*(=|!=|>=|<=|>|<)\s*(.+?)\s*$/.exec(expr);
      if (!m) throw new ApiError(400, 'invalid_search_filter', `Was expecting an operation in \`${expr}\``);
      const [, attr, op, rawValue] = m;
      if (!filterable.has(attr))
        throw new ApiError(
          400,
          'invalid_search_filter',
          `Attribute \`${attr}\` is not filterable. Available filterable attributes are: ${[...filterable].join(', ')}.`,
        );
      let value: string | number | boolean;
      if (/^"(?:[^"\\]|\\.)*"$/.test(rawValue)) value = rawValue.slice(1, -1).replace(/\\(.)/g, '$1');
      else if (/^-?\d+(\.\d+)?$/.test(rawValue)) value = Number(rawValue);
      else if (rawValue === 'true' || rawValue === 'false') value = rawValue === 'true';
      else if (/^[A-Za-z0-9_.-]+$/.test(rawValue)) value = rawValue;
      else throw new ApiError(400, 'invalid_search_filter', `Malformed value in \`${expr}\``);
      if (['>', '>=', '<', '<='].includes(op) && typeof value !== 'number')
        throw new ApiError(400, 'invalid_search_filter', `Comparison needs a number in \`${expr}\``);
      return (d) => {
        const v = d[attr];
        if (v === undefined || v === null) return op === '!=';
        const same = String(v) === String(value);
        switch (op) {
          case '=':
            return same;
          case '!=':
            return !same;
          case '>':
            return Number(v) > (value as number);
          case '>=':
            return Number(v) >= (value as number);
          case '<':
            return Number(v) < (value as number);
          default:
            return Number(v) <= (value as number);
        }
      };
    };
    if (typeof filter === 'string') {
      const parts = filter.split(/\s+AND\s+/);
      const preds = parts.map(one);
      return (d) => preds.every((p) => p(d));
    }
    if (!Array.isArray(filter)) throw new ApiError(400, 'invalid_search_filter', 'filter must be a string or an array');
    const preds = filter.map((f) => {
      if (typeof f === 'string') return one(f);
      if (isStringArray(f)) {
        const ors = f.map(one);
        return (d: Doc) => ors.some((p) => p(d));
      }
      throw new ApiError(400, 'invalid_search_filter', 'filter arrays hold strings or arrays of strings');
    });
    return (d) => preds.every((p) => p(d));
  }
}
