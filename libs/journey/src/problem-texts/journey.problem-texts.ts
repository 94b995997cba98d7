import { listed as list, type ProblemParams, type ProblemTexts } from '@jejak/platform';
import type { ErrorCode, LanjutanGap, Milestone } from '../domain';

type Text = (p: ProblemParams) => string;

const GAPS: Record<LanjutanGap, string> = {
  not_registered: 'belum terdaftar',
  withdrawn: 'sudah mengundurkan diri',
  already_graduated: 'sudah lulus',
  no_pemula_grant: 'belum menerima bantuan TKM Pemula',
  too_few_visits: 'kunjungan monev belum cukup',
  business_not_active: 'usaha tidak aktif pada kunjungan terakhir',
  too_few_workers: 'jumlah pekerja belum cukup',
};

const MILESTONES: Record<Milestone, string> = {
  birthDate: 'tanggal lahir (birthDate)',
  startedOn: 'tanggal mulai pelatihan (startedOn)',
  registration: 'tanggal pendaftaran',
  firstCompletedTraining: 'pelatihan pertama yang selesai',
  firstGrant: 'bantuan pertama',
  pemulaGrant: 'bantuan TKM Pemula',
  graduation: 'kelulusan ke TKM Lanjutan',
  latestMilestone: 'catatan terakhir pada kasus ini',
  groupFormed: 'pembentukan kelompok',
  restriction: 'pembatasan pemrosesan data',
};

const SEXES: Record<string, string> = { F: 'perempuan', M: 'laki-laki' };

const named = <K extends string>(labels: Record<K, string>, key: unknown): string => labels[key as K] ?? String(key);
const onDate = (date: unknown): string => (date ? ` pada ${date}` : '');

/** Every code of the journey domain (ErrorCode): a missing one does not compile. */
const DOMAIN: Record<ErrorCode, Text> = {
  'ENTREPRENEUR.ALREADY_REGISTERED': ({ field }) => (field === 'nik' ? 'Orang dengan NIK ini sudah terdaftar' : 'Wirausaha ini sudah terdaftar'),
  'ENTREPRENEUR.NOT_FOUND': ({ id, asOf }) => (id ? `Wirausaha ${id} tidak terdaftar${onDate(asOf)}` : 'Tidak ada wirausaha yang terdaftar dengan ID ini'),
  'ENTREPRENEUR.ERASED': () => 'Data pribadi wirausaha ini sudah dihapus; kasus ini tidak dapat menerima catatan baru',
  'ENTREPRENEUR.PROCESSING_RESTRICTED': ({ on: date }) =>
    `Pemrosesan data pribadi wirausaha ini dibatasi sejak ${date}; kasus ini tidak dapat menerima catatan baru sampai pembatasan dicabut`,
  'JOURNEY.NOT_TRAINED': () => 'Bantuan TKM Pemula hanya dapat dicatat setelah ada pelatihan yang selesai',
  'JOURNEY.GRANT_ALREADY_RECEIVED': ({ programme, on: date }) =>
    date ? `Bantuan ${programme} sudah pernah diterima pada ${date}` : `Orang ini sudah pernah menerima bantuan ${programme}`,
  'JOURNEY.NOT_FUNDED': () => 'Kunjungan monev dicatat setelah ada bantuan, dan kasus ini belum memiliki catatan bantuan',
  'JOURNEY.NOT_GRADUATED': () => 'Bantuan TKM Lanjutan hanya untuk wirausaha yang sudah lulus ke TKM Lanjutan',
  'JOURNEY.NOT_ELIGIBLE_FOR_LANJUTAN': ({ reasons }) =>
    `Belum memenuhi syarat lulus ke TKM Lanjutan: ${(Array.isArray(reasons) ? reasons : []).map((r) => named(GAPS, r)).join('; ')}`,
  'JOURNEY.ALREADY_GRADUATED': ({ on: date }) => `Wirausaha ini sudah lulus ke TKM Lanjutan${onDate(date)}`,
  'JOURNEY.WITHDRAWN': ({ on: date }) => `Wirausaha ini sudah mengundurkan diri${onDate(date)}`,
  'JOURNEY.VISIT_ALREADY_RECORDED': ({ on: date }) => `Sudah ada kunjungan monev lain yang tercatat pada ${date}`,
  'JOURNEY.DATE_IN_FUTURE': ({ field, date }) => `Tanggal ${date} pada kolom ${field} masih di masa depan`,
  'JOURNEY.DATE_BEFORE_MILESTONE': ({ field, date, milestone, milestoneDate }) =>
    `Tanggal ${date} pada kolom ${field} lebih awal dari ${named(MILESTONES, milestone)} (${milestoneDate})`,
  'GROUP.ALREADY_FORMED': () => 'Kelompok ini sudah dibentuk',
  'GROUP.NOT_FOUND': ({ id, asOf }) => (id ? `Kelompok ${id} belum dibentuk${onDate(asOf)}` : 'Tidak ada kelompok yang dibentuk dengan ID ini'),
  'GROUP.FULL': ({ maxMembers }) => `Kelompok ini sudah penuh: anggotanya sudah ${maxMembers} orang`,
  'GROUP.NOT_A_MEMBER': ({ joinedOn }) =>
    joinedOn
      ? `Wirausaha ini baru bergabung dengan kelompok tersebut pada ${joinedOn}, setelah tanggal bantuan diterima`
      : 'Wirausaha ini bukan anggota kelompok tersebut: tambahkan dulu sebagai anggota kelompok',
  'VALIDATION.DATE_FORMAT': ({ field }) => `Kolom ${field} harus berisi tanggal yang benar dengan format YYYY-MM-DD`,
  'VALIDATION.AMOUNT_NOT_POSITIVE': ({ field }) => `Kolom ${field} harus berisi jumlah rupiah berupa bilangan bulat lebih dari 0`,
  'VALIDATION.NUMBER_INVALID': ({ field, min }) => `Kolom ${field} harus berisi bilangan bulat, ${min} atau lebih`,
  'VALIDATION.VALUE_NOT_ALLOWED': ({ field, allowed }) =>
    allowed ? `Kolom ${field} harus salah satu dari: ${list(allowed)}` : `Kolom ${field} harus berupa daftar`,
  'VALIDATION.WORKERS_INCONSISTENT': ({ rule }) =>
    rule === 'owner'
      ? 'Usaha yang masih berjalan paling sedikit memiliki satu pekerja, yaitu pemiliknya: workersTotal minimal 1'
      : 'Jumlah pekerja dibayar dan tidak dibayar (paidWorkers + unpaidWorkers) tidak boleh melebihi workersTotal',
  'VALIDATION.TEXT_REQUIRED': ({ field }) => `Kolom ${field} wajib diisi`,
  'VALIDATION.NOTHING_TO_CORRECT': () => 'Koreksi profil harus mengubah paling sedikit satu isian selain alasan',
  'VALIDATION.NOW_INVALID': () => 'Waktu perintah dari server (command.now) bukan waktu ISO-8601 yang sah; silakan hubungi admin',
  'VALIDATION.NIB_FORMAT': () => 'NIB harus 13 digit angka (nomor induk berusaha dari OSS)',
  'VALIDATION.NIK_FORMAT': ({ regionPart }) =>
    regionPart ? `Bagian wilayah NIK (${regionPart}) bukan kode kecamatan` : 'NIK harus tepat 16 digit angka',
  'VALIDATION.NIK_BIRTH_DATE': () => 'NIK tidak memuat tanggal lahir yang sah (DDMMYY; untuk perempuan, DD ditambah 40)',
  'VALIDATION.NIK_SERIAL': () => 'Nomor urut NIK dimulai dari 0001',
  'VALIDATION.NIK_SEX_MISMATCH': ({ sex, nikSex }) =>
    `Jenis kelamin (sex) yang diisi, ${named(SEXES, sex)} (${sex}), tidak sesuai dengan NIK, yang menunjukkan ${named(SEXES, nikSex)} (${nikSex})`,
  'VALIDATION.NIK_BIRTH_DATE_MISMATCH': () => 'Tanggal lahir (birthDate) tidak sesuai dengan tanggal lahir dalam NIK',
  'VALIDATION.REGION_FORMAT': ({ field }) => `Kolom ${field} harus berisi kode wilayah Kemendagri PP.KK.CC (kecamatan) atau PP.KK.CC.DDDD (desa)`,
  'VALIDATION.REGION_UNKNOWN': ({ field, code }) => `Kode wilayah ${code} pada kolom ${field} tidak ada dalam daftar wilayah Kemendagri`,
};

/**
 * The journey's own rules of request validation (api/commands/field-rules.ts), beside the
 * platform's (validation.problem-texts.ts): its calendar date, its named pattern formats and the
 * order of a time window.
 */
const FIELD_RULES: ProblemTexts = {
  isCalendarDate: DOMAIN['VALIDATION.DATE_FORMAT'],
  'matches.notBlank': ({ field }) => `Kolom ${field} tidak boleh kosong atau hanya berisi spasi`,
  'matches.nik': DOMAIN['VALIDATION.NIK_FORMAT'],
  'matches.regionCode': DOMAIN['VALIDATION.REGION_FORMAT'],
  'matches.regionPrefix': ({ field }) => `Kolom ${field} harus berisi kode wilayah Kemendagri, misalnya 32.16 atau 32.16.01`,
  // the breach window of GET /v1/audit/personal-data-reads (api/audit/personal-data-reads.controller.ts)
  windowOrder: () => 'Rentang waktu harus berakhir sesudah dimulai: to (bawaan: sekarang) harus sesudah from',
};

/**
 * Indonesian texts of every code the journey answers with, as functions of the error's data, so
 * the dates, fields and versions the English message names are named here too. Both the write
 * and the read module answer with journey codes and either may run without the other (the
 * projector has no write side), so each registers them (registration is idempotent); they live
 * beside both, not in either. With them go the texts of the journey's request rules. The web UI
 * shows them as the API's `detail` and `errors[].message`.
 */
export const JOURNEY_PROBLEM_TEXTS: ProblemTexts = {
  ...DOMAIN,
  ...FIELD_RULES,
  'READ_MODEL.BEHIND': ({ minPosition, position }) => `Data tampilan masih di posisi ${position}, belum mencapai ${minPosition}; coba lagi sebentar lagi`,
  'REQUEST.INVALID_CURSOR': () => 'Kursor tidak dikenali; gunakan nextCursor dari halaman sebelumnya',
};
