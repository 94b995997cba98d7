import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { actorFromClaims, assertKecamatanAccess, AuthProviderUnavailableError } from '@jejak/auth';
import { AuditAnchorNotFoundError, UniqueClaimViolationError, WrongExpectedVersionError } from '@jejak/event-store';
import { SubjectErasedError } from '@jejak/personal-data';
import {
  AuditAnchorsUnavailableError, IdempotencyKeyReusedError, InvalidIfMatchError, PreconditionFailedError, PreconditionRequiredError, registerProblemMessages, RequestValidationError, toProblem,
} from '@jejak/platform';
import { UnknownProjectionError, type ProjectionsService } from '@jejak/projections';
import type { FeedService } from '@jejak/relay';
import { ReadModelBehindError } from '../../libs/journey/src/read-models/shared/read-model-freshness';
import { expectSameSpecifics } from '../../libs/platform/src/http/testing/problem-specifics';
import { ProjectionsAdminController } from '../../libs/projections/src/nest/projections-admin.controller';
import { FeedController } from '../../libs/relay/src/feed/feed.controller';
import { API_PROBLEM_TEXTS, problemCodesInSource } from './problem-codes';

/**
 * Caseworkers read Indonesian (api.md, Language): every stable code the source defines has an
 * Indonesian text, found by reading the source rather than from a list someone must remember.
 */
describe('Indonesian problem texts', () => {
  const codes = problemCodesInSource();

  it('finds the codes where they are defined', () => {
    for (const code of ['JOURNEY.NOT_TRAINED', 'VALIDATION.NIK_SERIAL', 'AUTH.TOKEN_MISSING', 'REQUEST.PRECONDITION_FAILED', 'READ_MODEL.BEHIND',
      'STREAM.WRONG_EXPECTED_VERSION', 'PROJECTIONS.RETRY_FAILED', 'FEED.INVALID_CURSOR', 'PERSONAL_DATA.ERASED', 'INTERNAL.ERROR'])
      expect([...codes.keys()]).toContain(code);
  });

  it('would see a code added anywhere in a lib, but not one in a comment, a test or a test double', () => {
    const root = mkdtempSync(join(tmpdir(), 'problem-codes-'));
    try {
      mkdirSync(join(root, 'libs/billing/src/testing'), { recursive: true });
      writeFileSync(join(root, 'libs/billing/src/billing.errors.ts'), `// 'BILLING.IN_A_COMMENT'\nexport class E extends Error {\n  readonly code = 'BILLING.OVERDUE';\n}\nthrow new HttpProblem(409, "BILLING.PAID", \`paid \${x}\`);\n`);
      writeFileSync(join(root, 'libs/billing/src/billing.spec.ts'), `expect(e.code).toBe('BILLING.IN_A_TEST');\n`);
      writeFileSync(join(root, 'libs/billing/src/testing/fake.ts'), `throw new HttpProblem(404, 'BILLING.IN_A_DOUBLE', 'x');\n`);
      expect([...problemCodesInSource(root).keys()].sort()).toEqual(['BILLING.OVERDUE', 'BILLING.PAID']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('has one for every code in the source', () => {
    const missing = [...codes].filter(([code]) => !(code in API_PROBLEM_TEXTS)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has one for the framework statuses Jejak has no code of its own for (HTTP.<status>)', () => {
    expect(API_PROBLEM_TEXTS['HTTP.*']({ status: 406 })).toBe('Permintaan tidak dapat diproses (HTTP 406)');
  });
});

/** What the code under test throws, as the problem filter would see it. */
async function thrown(act: () => unknown): Promise<unknown> {
  try {
    await act();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('the texts of the platform, access, operations and feed codes', () => {
  beforeAll(() => registerProblemMessages(API_PROBLEM_TEXTS));
  const names = { kecamatan: 'kecamatan' };
  const caseworker = { id: 'cw-ani', role: 'caseworker' as const, roles: ['caseworker' as const], kecamatan: ['32.16.01'] };
  const engine = {
    startRebuild: () => Promise.reject(new UnknownProjectionError('caseload_v9')),
    retryDeadLetter: (id: number) => Promise.resolve(id === 7 ? { outcome: 'failed', error: 'column "x" does not exist', deadLetter: {} } : { outcome: 'not_found' }),
  };
  const admin = new ProjectionsAdminController({ engine } as unknown as ProjectionsService);
  const feed = new FeedController({} as FeedService);

  const errors: [string, () => unknown, string][] = [
    ['a concurrent write', () => new WrongExpectedVersionError('entrepreneur-7f1c6a58', 3, 4), 'STREAM.WRONG_EXPECTED_VERSION'],
    ['a claim held by another stream', () => new UniqueClaimViolationError('tkm_pemula_grant'), 'STREAM.UNIQUE_CLAIM_VIOLATED'],
    ['a write for an erased person', () => new SubjectErasedError('7f1c6a58-3f4e-4a55-9c55-0d7e3a0b2a11'), 'PERSONAL_DATA.ERASED'],
    ['a stale If-Match', () => new PreconditionFailedError(3, 4), 'REQUEST.PRECONDITION_FAILED'],
    ['no If-Match', () => new PreconditionRequiredError(), 'REQUEST.PRECONDITION_REQUIRED'],
    ['an If-Match of two ETags', () => new InvalidIfMatchError(), 'REQUEST.INVALID_IF_MATCH'],
    ['a reused Idempotency-Key', () => new IdempotencyKeyReusedError(), 'REQUEST.IDEMPOTENCY_KEY_REUSED'],
    ['two invalid fields', () => new RequestValidationError([{ field: 'amount', code: 'isInt', message: 'x' }, { field: 'form', code: 'isIn', message: 'y' }]), 'REQUEST.VALIDATION_FAILED'],
    ['a read model behind', () => new ReadModelBehindError(120, 97), 'READ_MODEL.BEHIND'],
    ['a path id that is no uuid', () => new BadRequestException('Validation failed (uuid is expected)'), 'REQUEST.BAD_REQUEST'],
    ['an unknown route', () => new NotFoundException('Cannot GET /v1/nowhere'), 'REQUEST.NOT_FOUND'],
    ['another framework status', () => new HttpException('Gone', 410), 'HTTP.410'],
    ['a token without subject', () => thrown(() => actorFromClaims({ sub: ' ' }, names)), 'AUTH.TOKEN_INVALID'],
    ['a token with a bad area', () => thrown(() => actorFromClaims({ sub: 'ani', role: 'caseworker', kecamatan: ['Bekasi'] }, names)), 'AUTH.TOKEN_INVALID'],
    ['a token without a Jejak role', () => thrown(() => actorFromClaims({ sub: 'ani', role: 'janitor' }, names)), 'AUTH.NO_ROLE'],
    ['a region outside the token', () => thrown(() => assertKecamatanAccess(caseworker, '32.16.02')), 'AUTH.KECAMATAN_FORBIDDEN'],
    ['no identity provider', () => new AuthProviderUnavailableError(), 'AUTH.PROVIDER_UNAVAILABLE'],
    ['an unknown projection', () => thrown(() => admin.rebuild('caseload_v9')), 'PROJECTIONS.UNKNOWN'],
    ['a dead letter id that is no number', () => thrown(() => admin.retry('seven')), 'PROJECTIONS.INVALID_ID'],
    ['no such dead letter', () => thrown(() => admin.retry('8')), 'PROJECTIONS.DEAD_LETTER_NOT_FOUND'],
    ['a dead letter that still fails', () => thrown(() => admin.retry('7')), 'PROJECTIONS.RETRY_FAILED'],
    ['a feed limit too high', () => thrown(() => feed.get('0', '5000', undefined, undefined, {} as Response)), 'FEED.INVALID_CURSOR'],
    ['an audit anchor never sealed', () => new AuditAnchorNotFoundError(7), 'AUDIT.ANCHOR_NOT_FOUND'],
    ['audit anchors with the log on KurrentDB', () => new AuditAnchorsUnavailableError(), 'AUDIT.ANCHORS_UNAVAILABLE'],
  ];

  it.each(errors)('%s: Indonesian by default, naming what the English names', async (_name, make, code) => {
    const error = await make();
    const [id, en] = [toProblem(error, 'id').body, toProblem(error, 'en').body];
    expect([id.code, en.code]).toEqual([code, code]);
    expectSameSpecifics(en.detail, id.detail);
    en.errors?.forEach((e, i) => e.code && e.code in API_PROBLEM_TEXTS && expectSameSpecifics(e.message, id.errors![i].message));
  });
});
