import { HttpProblem, type FieldError, type ProblemParams } from './http-problem.error';

/** The request body failed DTO validation (422, the same status as invalid data in the domain). */
export class RequestValidationError extends HttpProblem {
  override readonly name = 'RequestValidationError';
  constructor(errors: readonly FieldError[]) {
    super(422, 'REQUEST.VALIDATION_FAILED', `the request has ${errors.length} invalid field(s)`, { params: { count: errors.length }, errors });
  }
}

/** A write to an existing resource came without `If-Match` (428). */
export class PreconditionRequiredError extends HttpProblem {
  override readonly name = 'PreconditionRequiredError';
  constructor() {
    super(428, 'REQUEST.PRECONDITION_REQUIRED', 'this write needs an If-Match header with the version you last read (its ETag)');
  }
}

/** `If-Match` names a version that is no longer current: someone else changed the case (412). */
export class PreconditionFailedError extends HttpProblem {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion?: number,
  ) {
    super(412, 'REQUEST.PRECONDITION_FAILED', `the data changed since version ${expectedVersion}; reload it and try again`, {
      extensions: actualVersion === undefined ? { expectedVersion } : { expectedVersion, currentVersion: actualVersion },
    });
  }
}

export class InvalidIfMatchError extends HttpProblem {
  override readonly name = 'InvalidIfMatchError';
  constructor() {
    super(400, 'REQUEST.INVALID_IF_MATCH', 'If-Match must be one ETag such as "3"');
  }
}

/** The resource (case, group) does not exist; `code` is the caller's, e.g. `ENTREPRENEUR.NOT_FOUND`. */
export class NotFoundError extends HttpProblem {
  override readonly name = 'NotFoundError';
  constructor(code: string, message: string, params?: ProblemParams) {
    super(404, code, message, { params });
  }
}
