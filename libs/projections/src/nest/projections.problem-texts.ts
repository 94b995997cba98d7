import type { ProblemTexts } from '@jejak/platform';

/** Indonesian texts of the PROJECTIONS.* codes (operations endpoints); ProjectionsModule registers them. */
export const PROJECTIONS_PROBLEM_TEXTS: ProblemTexts = {
  'PROJECTIONS.UNKNOWN': ({ projection }) => `Proyeksi ${projection} tidak dikenal`,
  'PROJECTIONS.REBUILD_IN_PROGRESS': ({ projection }) => `Pembangunan ulang proyeksi ${projection} sedang berjalan`,
  'PROJECTIONS.REBUILD_HIT_POISON': ({ projection, globalPosition }) =>
    `Pembangunan ulang proyeksi ${projection} berhenti pada event ${globalPosition} (kebijakan stop)`,
  'PROJECTIONS.INVALID_ID': () => 'ID dead letter harus bilangan bulat positif',
  'PROJECTIONS.DEAD_LETTER_NOT_FOUND': ({ id }) => `Dead letter ${id} tidak ditemukan`,
  'PROJECTIONS.RETRY_FAILED': ({ id, cause }) => `Event pada dead letter ${id} masih gagal diproyeksikan: ${cause}`,
};
