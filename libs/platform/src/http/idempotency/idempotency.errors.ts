import { HttpProblem } from '../http-problem.error';

export class IdempotencyKeyReusedError extends HttpProblem {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super(422, 'REQUEST.IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different request');
  }
}

export class RequestInProgressError extends HttpProblem {
  override readonly name = 'RequestInProgressError';
  constructor() {
    super(409, 'REQUEST.IN_PROGRESS', 'a request with this Idempotency-Key is still being processed; retry shortly', {
      headers: { 'Retry-After': '1' },
    });
  }
}

export class InvalidIdempotencyKeyError extends HttpProblem {
  override readonly name = 'InvalidIdempotencyKeyError';
  constructor() {
    super(400, 'REQUEST.INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
}
