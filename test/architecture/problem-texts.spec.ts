import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
