import type { ProblemTexts } from './problem-messages';

const BAD_REQUEST: Record<string, string> = {
  aborted: 'Permintaan terputus sebelum selesai dikirim; silakan kirim ulang',
  length: 'Panjang isi permintaan tidak sesuai dengan Content-Length',
  refused: 'Isi permintaan ditolak',
};

const UNSUPPORTED: Record<string, string> = {
  encoding: 'Encoding isi permintaan tidak didukung',
  charset: 'Charset isi permintaan tidak didukung',
};

/**
 * Indonesian texts of the platform's codes: requests, HTTP conventions, idempotency, the
 * framework's fallbacks, and the event store's codes (which the problem mapping knows by name),
 * its audit anchors' included.
 */
export const PLATFORM_PROBLEM_TEXTS: ProblemTexts = {
  'REQUEST.MALFORMED_JSON': () => 'Isi permintaan bukan JSON yang sah',
  'REQUEST.TOO_LARGE': () => 'Isi permintaan terlalu besar',
  'REQUEST.NOT_FOUND': ({ cause }) => {
    const route = /^Cannot ([A-Z]+) (\S+)$/.exec(String(cause));
    return route ? `Alamat ${route[2]} tidak ada (metode ${route[1]})` : 'Alamat yang diminta tidak ada';
  },
  'REQUEST.METHOD_NOT_ALLOWED': () => 'Metode ini tidak didukung untuk alamat ini',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': ({ what }) => UNSUPPORTED[String(what)] ?? 'Jenis isi permintaan tidak didukung; gunakan application/json',
  'REQUEST.BAD_REQUEST': ({ reason, cause }) =>
    BAD_REQUEST[String(reason)] ?? (cause ? `Permintaan tidak dapat dipahami: ${cause}` : 'Permintaan tidak dapat dipahami'),
  'REQUEST.VALIDATION_FAILED': ({ count }) => `Permintaan berisi ${count} kolom yang tidak valid`,
  'REQUEST.PRECONDITION_REQUIRED': () => 'Perubahan ini memerlukan header If-Match berisi versi yang terakhir Anda baca (ETag)',
  'REQUEST.PRECONDITION_FAILED': ({ expectedVersion }) => `Data ini sudah berubah sejak versi ${expectedVersion}; muat ulang lalu coba lagi`,
  'REQUEST.INVALID_IF_MATCH': () => 'Header If-Match harus berisi satu ETag, misalnya "3"',
  'REQUEST.IDEMPOTENCY_KEY_REUSED': () => 'Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda',
  'REQUEST.IN_PROGRESS': () => 'Permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar lagi',
  'REQUEST.INVALID_IDEMPOTENCY_KEY': () => 'Idempotency-Key harus 1 sampai 255 karakter ASCII yang terlihat',
  'AUTH.UNAUTHORIZED': () => 'Permintaan ini memerlukan token yang sah',
  'AUTH.FORBIDDEN': () => 'Anda tidak berwenang melakukan ini',
  'HTTP.*': ({ status }) => `Permintaan tidak dapat diproses (HTTP ${status})`,
  'INTERNAL.ERROR': () => 'Terjadi kesalahan pada server; silakan coba lagi atau hubungi admin',
  'STREAM.WRONG_EXPECTED_VERSION': ({ streamId, expected, actual }) =>
    `Data ini diubah orang lain pada saat yang sama (${streamId}: versi yang diharapkan ${expected}, versi sekarang ${actual}); muat ulang lalu coba lagi`,
  'STREAM.UNIQUE_CLAIM_VIOLATED': ({ scope }) => `Data ini sudah terdaftar pada kasus lain (klaim unik "${scope}")`,
  'STREAM.NOT_FOUND': ({ streamId }) => (streamId ? `Stream ${streamId} belum memiliki event` : 'Stream tidak ditemukan'),
  'STREAM.DUPLICATE_EVENT_ID': ({ eventId }) => `Event dengan id ${eventId} sudah tersimpan`,
  'STREAM.INVALID_APPEND': () => 'Penulisan event ditolak karena tidak sah',
  'STREAM.INVALID_ID': ({ streamId }) => `ID stream "${streamId}" tidak sah`,
  'AUDIT.ANCHOR_NOT_FOUND': ({ anchorNumber }) => `Jangkar audit nomor ${anchorNumber} belum pernah disegel`,
  'AUDIT.ANCHORS_UNAVAILABLE': () =>
    'Jangkar audit hanya mencakup log event di PostgreSQL; log event ini ada di KurrentDB (JEJAK_EVENT_STORE=kurrentdb)',
};
