import { language } from './i18n.js';
import { currentToken } from './session.js';

/**
 * The UI's one door to the API (api.md): bearer token, `Accept-Language` for the problem
 * `detail`, `If-Match` / `Idempotency-Key` on writes, problem+json turned into ApiProblem, and
 * read-your-writes: the highest `globalPosition` this tab wrote is sent as `minPosition` with
 * every query, so a list or timeline never shows the world from before your own save.
 */
const POSITION_KEY = 'jejak.position';
const MAX_FRESHNESS_RETRIES = 3;

/** An answer of the API that is not a success: status, stable code, detail and field errors. */
export class ApiProblem extends Error {
  constructor(status, body) {
    super(body?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
    this.detail = body?.detail;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

/** The request never got an answer (offline, server down): safe to resend with the same key. */
export class NetworkError extends Error {}

export function lastWrittenPosition() {
  return Number(sessionStorage.getItem(POSITION_KEY) ?? 0) || 0;
}

function rememberPosition(position) {
  if (Number.isSafeInteger(position) && position > lastWrittenPosition()) sessionStorage.setItem(POSITION_KEY, String(position));
}

function queryString(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function baseHeaders() {
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': language() };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

async function fetchOrOffline(path, init) {
  try {
    return await fetch(path, { ...init, cache: 'no-store' });
  } catch (cause) {
    throw new NetworkError(String(cause));
  }
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A refusal as ApiProblem; a 401 also tells the shell the session has ended. */
function problemOf(response, parsed) {
  if (response.status === 401) window.dispatchEvent(new CustomEvent('jejak:unauthorized'));
  const problem = new ApiProblem(response.status, parsed);
  problem.retryAfter = Number(response.headers.get('Retry-After')) || 1;
  return problem;
}

async function send(method, path, { body, ifMatch, idempotencyKey } = {}) {
  const headers = baseHeaders();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetchOrOffline(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed = parseJson(await response.text());
  if (!response.ok) throw problemOf(response, parsed);
  return { status: response.status, body: parsed, etag: response.headers.get('ETag') ?? undefined };
}

const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(seconds, 0.2), 5) * 1000));

/**
 * A query that waits for this tab's own writes. 503 means the read model has not caught up within
 * the server's bound: try again after Retry-After a few times, then show what there is.
 */
export async function query(path, params = {}, { fresh = true } = {}) {
  const position = fresh ? lastWrittenPosition() : 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send('GET', `${path}${queryString({ ...params, minPosition: position || undefined })}`);
    } catch (e) {
      if (!(e instanceof ApiProblem) || e.status !== 503 || position === 0) throw e;
      if (attempt >= MAX_FRESHNESS_RETRIES) return send('GET', `${path}${queryString(params)}`);
      await pause(e.retryAfter);
    }
  }
}

/** A command: answers `{ id, version, globalPosition }` and the new ETag. */
export async function command(method, path, body, { ifMatch, idempotencyKey } = {}) {
  const result = await send(method, path, { body, ifMatch, idempotencyKey });
  rememberPosition(result.body?.globalPosition);
  return result;
}

/** A random Idempotency-Key; crypto.randomUUID exists only on https or localhost, phones on a LAN may lack it. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A file the API sends as an attachment, fetched with the bearer token (a plain link could not
 * carry it): the body as a Blob and the file name from Content-Disposition.
 */
export async function download(path) {
  const response = await fetchOrOffline(path, { method: 'GET', headers: baseHeaders() });
  if (!response.ok) throw problemOf(response, parseJson(await response.text()));
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  return { blob: await response.blob(), filename };
}
