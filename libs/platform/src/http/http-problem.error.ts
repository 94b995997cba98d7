/**
 * An error that already knows its HTTP answer. Libs throw subclasses (or any error with a string
 * `code` and a numeric `httpStatus`) and the problem filter turns them into RFC 9457 responses.
 */
export type ProblemParam = string | number | boolean | readonly string[];
/** The specifics a problem's texts name (a version, a field, a date), in both languages alike. */
export type ProblemParams = Readonly<Record<string, ProblemParam | undefined>>;

export interface FieldError {
  /** dotted path into the request body, e.g. `address.village` or `obstacles.0` */
  field: string;
  message: string;
  code?: string;
  /** what the Indonesian text of `code` names besides `field`; not part of the response */
  params?: ProblemParams;
}

export interface HttpProblemOptions {
  /** the specifics the Indonesian text of the code (problem-messages.ts) names, as `message` does */
  params?: ProblemParams;
  errors?: readonly FieldError[];
  headers?: Record<string, string>;
  /** extra members of the problem document (RFC 9457 extensions) */
  extensions?: Record<string, unknown>;
}

export class HttpProblem extends Error {
  override readonly name: string = 'HttpProblem';

  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly options: HttpProblemOptions = {},
  ) {
    super(message);
  }
}
