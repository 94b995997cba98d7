import { listed as list, type ProblemTexts } from '@jejak/platform';

/**
 * Indonesian texts of the PERSONAL_DATA.* codes; PersonalDataModule registers them. Only ERASED
 * reaches a client (409); the others are server faults that answer INTERNAL.ERROR.
 */
export const PERSONAL_DATA_PROBLEM_TEXTS: ProblemTexts = {
  'PERSONAL_DATA.ERASED': ({ subjectId }) => `Kunci data pribadi ${subjectId} sudah dimusnahkan; tidak ada data pribadi yang dapat dicatat lagi untuk orang ini`,
  'PERSONAL_DATA.KEY_MISSING': ({ subjectId }) => `Kunci data pribadi ${subjectId} tidak ada`,
  'PERSONAL_DATA.MASTER_KEY_MISMATCH': ({ expected, actual }) =>
    `Data pribadi di basis data ini dilindungi master key ${list(expected)}, sedangkan proses ini memakai ${actual}; atur JEJAK_MASTER_KEY ke kunci yang benar`,
  'PERSONAL_DATA.NIK_KEY_MISMATCH': ({ expected, actual }) =>
    `Pendaftaran NIK di basis data ini dibuat dengan kunci HMAC NIK ${list(expected)}, sedangkan proses ini memakai ${actual}; atur JEJAK_NIK_HMAC_KEY ke kunci yang benar`,
  'PERSONAL_DATA.INVALID_SUBJECT': () => 'ID subjek data pribadi harus berupa UUID',
};
