/**
 * An error that already knows its HTTP answer. Libs throw subclasses (or any error with a string
 * `code` and a numeric `httpStatus`) and the problem filter turns them into RFC 9457 responses.
 */
export interface FieldError {
  /** dotted path into the request body, e.g. `address.village` or `obstacles.0` */
  field: string;
  message: string;
  code?: string;
}

export interface HttpProblemOptions {
  /** Indonesian text for `detail`; `message` is the English one */
  detailId?: string;
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
