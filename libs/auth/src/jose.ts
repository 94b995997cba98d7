/**
 * jose is published only as an ES module. This CommonJS build loads it with require(esm)
 * (Node >= 20.19, package.json engines); jest transforms it (jest.config.js). Every use of jose
 * goes through this file so the workaround lives in one place.
 */
export type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
export type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose: Jose = require('jose');
