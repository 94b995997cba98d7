import { HttpException } from '@nestjs/common';
import { HttpProblem, type FieldError, type ProblemParam, type ProblemParams } from './http-problem.error';
import type { Language } from './language';
import { indonesianDetail, indonesianFieldMessage, titleFor } from './problem-messages';

/** An RFC 9457 problem document, with Jejak's stable `code` and field `errors`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface ProblemResponse {
  status: number;
  body: ProblemDocument;
  headers: Record<string, string>;
}

interface Mapped {
  status: number;
  code: string;
  message: string;
  /** what the Indonesian text may name: the error's own data and its params */
  params?: ProblemParams;
  errors?: readonly FieldError[];
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

export const problemType = (code: string): string => `urn:jejak:problem:${code}`;

/** Error kinds libs use instead of statuses (DomainError's `kind`), so no table of codes is needed. */
const statusByKind: Record<string, number> = { invalid: 422, conflict: 409, not_found: 404, forbidden: 403, unauthorized: 401 };

/** Codes of the event store's typed errors that are the caller's fault rather than a bug. */
const statusByStoreCode: Record<string, number> = {
  'STREAM.WRONG_EXPECTED_VERSION': 409,
  'STREAM.UNIQUE_CLAIM_VIOLATED': 409,
};

const bodyParserErrors: Record<string, { status: number; code: string; message: string; params?: ProblemParams }> = {
  'entity.parse.failed': { status: 400, code: 'REQUEST.MALFORMED_JSON', message: 'the request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'REQUEST.TOO_LARGE', message: 'the request body is too large' },
  'entity.verify.failed': { status: 400, code: 'REQUEST.BAD_REQUEST', message: 'the request body was refused', params: { reason: 'refused' } },
  'request.aborted': { status: 400, code: 'REQUEST.BAD_REQUEST', message: 'the request was aborted', params: { reason: 'aborted' } },
  'request.size.invalid': { status: 400, code: 'REQUEST.BAD_REQUEST', message: 'the request body length does not match Content-Length', params: { reason: 'length' } },
  'encoding.unsupported': { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content encoding', params: { what: 'encoding' } },
  'charset.unsupported': { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'unsupported charset', params: { what: 'charset' } },
};

const codeByHttpStatus: Record<number, string> = {
  400: 'REQUEST.BAD_REQUEST',
  401: 'AUTH.UNAUTHORIZED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

const INTERNAL: Mapped = { status: 500, code: 'INTERNAL.ERROR', message: 'an unexpected error occurred; it has been logged' };

/** The body-parser error behind a failed request body, as our own problem (used by configureHttp). */
export function bodyParserProblem(error: unknown): HttpProblem | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? bodyParserErrors[type] : undefined;
  return known && new HttpProblem(known.status, known.code, known.message, { params: known.params });
}

function isParam(value: unknown): value is ProblemParam {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

/** A typed error's own data (`streamId`, `expected`, a domain error's `field`…) and its `params`. */
function dataOf(e: object, params?: unknown): ProblemParams {
  const own = Object.entries(e).filter(([, v]) => isParam(v));
  return { ...Object.fromEntries(own), ...(typeof params === 'object' && params !== null ? params : {}) };
}

function mapCoded(e: Record<string, unknown>, message: string): Mapped | undefined {
  const code = e.code;
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/.test(code)) return undefined;
  const status =
    (typeof e.httpStatus === 'number' && e.httpStatus >= 400 && e.httpStatus < 600 ? e.httpStatus : undefined) ??
    (typeof e.kind === 'string' ? statusByKind[e.kind] : undefined) ??
    statusByStoreCode[code] ??
    (code.endsWith('.NOT_FOUND') ? 404 : undefined);
  if (status === undefined) return undefined;
  const issues = Array.isArray(e.issues) ? (e.issues as FieldError[]) : undefined;
  const reasons = Array.isArray(e.reasons) ? { reasons: e.reasons } : undefined;
  return { status, code, message, params: dataOf(e, e.params), errors: issues?.length ? issues : undefined, extensions: reasons };
}

function map(error: unknown): Mapped {
  if (error instanceof HttpProblem) {
    const { params, errors, headers, extensions } = error.options;
    return { status: error.httpStatus, code: error.code, message: error.message, params: dataOf(error, params), errors, headers, extensions };
  }
  const parser = bodyParserProblem(error);
  if (parser) return map(parser);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return INTERNAL;
    const cause = error.message === titleFor(status) ? undefined : error.message;
    return { status, code: codeByHttpStatus[status] ?? `HTTP.${status}`, message: error.message, params: { status, cause } };
  }
  if (error instanceof Error) return mapCoded(error as unknown as Record<string, unknown>, error.message) ?? INTERNAL;
  return INTERNAL;
}

/** Maps any thrown value to the problem response; unknown errors become a 500 that reveals nothing. */
export function toProblem(error: unknown, language: Language, request: { path?: string; correlationId?: string } = {}): ProblemResponse {
  const m = map(error);
  const detail = language === 'id' ? (indonesianDetail(m.code, m.params) ?? m.message) : m.message;
  const body: ProblemDocument = {
    ...m.extensions,
    type: problemType(m.code),
    title: titleFor(m.status),
    status: m.status,
    detail,
    code: m.code,
  };
  if (request.path) body.instance = request.path;
  if (request.correlationId) body.correlationId = request.correlationId;
  if (m.errors?.length) body.errors = m.errors.map((e) => fieldError(e, language));
  return { status: m.status, body, headers: { 'Content-Language': language, ...m.headers } };
}

/** A field issue speaks the caller's language too, by its code: a problem code or a rule of request validation. */
function fieldError({ field, code, message, params }: FieldError, language: Language): FieldError {
  const text = language === 'id' && code ? indonesianFieldMessage(code, { field, ...params }) : undefined;
  return code === undefined ? { field, message } : { field, code, message: text ?? message };
}
