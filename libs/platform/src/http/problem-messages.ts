import type { ProblemParams } from './http-problem.error';
import { PLATFORM_PROBLEM_TEXTS } from './platform.problem-texts';

/**
 * The Indonesian `detail` of a code, as a function of the error's data (its own fields such as
 * `streamId`, its `params`, a field issue's `field`), so the specifics the English message names
 * are named in Indonesian too.
 */
export type ProblemText = (params: ProblemParams) => string;
export type ProblemTexts = Readonly<Record<string, ProblemText>>;

/** A list parameter of a problem, as its texts name it: `a, b`; `none` when it is empty or absent. */
export function listed(values: unknown, none = ''): string {
  if (Array.isArray(values)) return values.length ? values.join(', ') : none;
  return values === undefined || values === null ? none : String(values);
}

/**
 * Indonesian texts by code. The platform's own are built in; every lib registers the texts of its
 * codes when its Nest module is set up (test/architecture/problem-texts.spec.ts finds codes without
 * one). A code without a text falls back to the error's English message.
 */
const indonesian = new Map<string, ProblemText>(Object.entries(PLATFORM_PROBLEM_TEXTS));

export function registerProblemMessages(texts: Readonly<Record<string, string | ProblemText>>): void {
  for (const [code, text] of Object.entries(texts)) indonesian.set(code, typeof text === 'string' ? () => text : text);
}

/** `HTTP.<status>` is a family of codes (any framework status Jejak has no code of its own for). */
export function indonesianDetail(code: string, params: ProblemParams = {}): string | undefined {
  const text = indonesian.get(code) ?? (code.startsWith('HTTP.') ? indonesian.get('HTTP.*') : undefined);
  return text?.(params);
}

/** The key of a field issue's text: `matches.nik` for a rule used for a named format (its `format` param), else its code. */
export const fieldTextKey = (code: string, params: ProblemParams = {}): string =>
  typeof params.format === 'string' ? `${code}.${params.format}` : code;

/** A field issue's text: a named format's own (the generic rule's would only repeat a pattern), else its code's. */
export function indonesianFieldMessage(code: string, params: ProblemParams = {}): string | undefined {
  return indonesianDetail(fieldTextKey(code, params), params) ?? indonesianDetail(code, params);
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleFor(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
