import { listed, type ProblemTexts } from '@jejak/platform';

const list = (values: unknown): string => listed(values, 'tidak ada');

/** Why a token was refused (`reason` of AUTH.TOKEN_INVALID), as the English message says it. */
const TOKEN_INVALID: Record<string, (p: Record<string, unknown>) => string> = {
  header: () => 'Header Authorization harus berbentuk "Bearer <token>"',
  subject: () => 'Token tidak memuat subjek (sub) yang dapat dipakai',
  area: ({ claim }) => `Klaim ${claim} pada token harus berisi kode wilayah, misalnya 32.16.01`,
  refused: ({ cause }) => `Token ditolak (${cause})`,
};

/** Indonesian texts of the AUTH.* codes; AuthModule registers them. */
export const AUTH_PROBLEM_TEXTS: ProblemTexts = {
  'AUTH.TOKEN_MISSING': () => 'Permintaan ini memerlukan token (Authorization: Bearer ...)',
  'AUTH.TOKEN_INVALID': (p) => TOKEN_INVALID[String(p.reason)]?.(p) ?? 'Token tidak sah',
  'AUTH.TOKEN_EXPIRED': () => 'Token sudah kedaluwarsa; silakan masuk kembali',
  'AUTH.NO_ROLE': ({ known }) => `Token tidak memiliki peran Jejak apa pun (${list(known)})`,
  'AUTH.ROLE_FORBIDDEN': ({ roles, allowed }) => `Peran Anda (${list(roles)}) tidak diizinkan; diperlukan salah satu dari: ${list(allowed)}`,
  'AUTH.KECAMATAN_FORBIDDEN': ({ regionCode, area }) => `Wilayah ${regionCode} berada di luar wilayah kerja Anda (${list(area)})`,
  'AUTH.PROVIDER_UNAVAILABLE': () => 'Penyedia identitas tidak dapat dihubungi untuk memeriksa token; coba lagi sebentar lagi',
};
