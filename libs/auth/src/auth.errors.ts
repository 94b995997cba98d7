import { HttpProblem } from '@jejak/platform';

export type UnauthorizedCode = 'AUTH.TOKEN_MISSING' | 'AUTH.TOKEN_INVALID' | 'AUTH.TOKEN_EXPIRED';

const idText: Record<UnauthorizedCode, string> = {
  'AUTH.TOKEN_MISSING': 'Permintaan ini memerlukan token (Authorization: Bearer ...)',
  'AUTH.TOKEN_INVALID': 'Token tidak sah',
  'AUTH.TOKEN_EXPIRED': 'Token sudah kedaluwarsa; silakan masuk kembali',
};

/** 401: no usable token. The challenge header follows RFC 6750. */
export class UnauthorizedError extends HttpProblem {
  override readonly name = 'UnauthorizedError';
  constructor(code: UnauthorizedCode, message: string) {
    const challenge = code === 'AUTH.TOKEN_MISSING' ? 'Bearer realm="jejak"' : `Bearer realm="jejak", error="invalid_token"`;
    super(401, code, message, { detailId: idText[code], headers: { 'WWW-Authenticate': challenge } });
  }
}

export type ForbiddenCode = 'AUTH.ROLE_FORBIDDEN' | 'AUTH.NO_ROLE' | 'AUTH.KECAMATAN_FORBIDDEN';

/** 403: the token is good but does not allow this. */
export class ForbiddenError extends HttpProblem {
  override readonly name = 'ForbiddenError';
  constructor(code: ForbiddenCode, message: string, detailId: string) {
    super(403, code, message, { detailId });
  }
}

/** 503: the identity provider's keys cannot be fetched, so no token can be checked right now. */
export class AuthProviderUnavailableError extends HttpProblem {
  override readonly name = 'AuthProviderUnavailableError';
  constructor() {
    super(503, 'AUTH.PROVIDER_UNAVAILABLE', 'the identity provider cannot be reached to check the token; try again shortly', {
      detailId: 'Penyedia identitas tidak dapat dihubungi untuk memeriksa token; coba lagi sebentar lagi',
      headers: { 'Retry-After': '5' },
    });
  }
}
