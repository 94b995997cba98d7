import { HttpProblem, type ProblemParams } from '@jejak/platform';

export type UnauthorizedCode = 'AUTH.TOKEN_MISSING' | 'AUTH.TOKEN_INVALID' | 'AUTH.TOKEN_EXPIRED';

/** 401: no usable token. The challenge header follows RFC 6750. */
export class UnauthorizedError extends HttpProblem {
  override readonly name = 'UnauthorizedError';
  constructor(code: UnauthorizedCode, message: string, params?: ProblemParams) {
    const challenge = code === 'AUTH.TOKEN_MISSING' ? 'Bearer realm="jejak"' : `Bearer realm="jejak", error="invalid_token"`;
    super(401, code, message, { params, headers: { 'WWW-Authenticate': challenge } });
  }
}

export type ForbiddenCode = 'AUTH.ROLE_FORBIDDEN' | 'AUTH.NO_ROLE' | 'AUTH.KECAMATAN_FORBIDDEN';

/** 403: the token is good but does not allow this. */
export class ForbiddenError extends HttpProblem {
  override readonly name = 'ForbiddenError';
  constructor(code: ForbiddenCode, message: string, params?: ProblemParams) {
    super(403, code, message, { params });
  }
}

/** 503: the identity provider's keys cannot be fetched, so no token can be checked right now. */
export class AuthProviderUnavailableError extends HttpProblem {
  override readonly name = 'AuthProviderUnavailableError';
  constructor() {
    super(503, 'AUTH.PROVIDER_UNAVAILABLE', 'the identity provider cannot be reached to check the token; try again shortly', {
      headers: { 'Retry-After': '5' },
    });
  }
}
