import type { ProblemParams } from './http-problem.error';
import { listed, type ProblemTexts } from './problem-messages';

/** `Kolom fullName`, or `Setiap isi kolom obstacles` for a rule that checks every item of a list. */
const subject = ({ field, each }: ProblemParams): string => (each ? `Setiap isi kolom ${field}` : `Kolom ${field}`);

/**
 * Indonesian texts of request validation's rules (`errors[].code` of REQUEST.VALIDATION_FAILED),
 * by class-validator's rule names, naming what its English messages name: the field and the
 * rule's values (`constraint1`, as in its `$constraint1`). A lib's own rules (`isCalendarDate`)
 * and its named formats (`matches.<format>`) are the lib's to register.
 */
export const VALIDATION_RULE_TEXTS: ProblemTexts = {
  unknownField: ({ field }) => `Kolom ${field} tidak dikenal`,
  isObject: ({ field }) => `Isi permintaan (${field}) harus berupa objek JSON`,
  isNotEmpty: (p) => `${subject(p)} wajib diisi`,
  isString: (p) => `${subject(p)} harus berupa teks`,
  isBoolean: (p) => `${subject(p)} harus berisi true atau false`,
  isInt: (p) => `${subject(p)} harus berupa bilangan bulat`,
  isUuid: (p) => `${subject(p)} harus berupa ID (UUID)`,
  isArray: (p) => `${subject(p)} harus berupa daftar`,
  isIso8601: (p) => `${subject(p)} harus berisi waktu ISO-8601, misalnya 2024-06-15T03:00:00.000Z`,
  isIn: (p) => `${subject(p)} harus salah satu dari: ${listed(p.constraint1)}`,
  min: (p) => `${subject(p)} tidak boleh kurang dari ${p.constraint1}`,
  max: (p) => `${subject(p)} tidak boleh lebih dari ${p.constraint1}`,
  minLength: (p) => `${subject(p)} paling sedikit ${p.constraint1} karakter`,
  maxLength: (p) => `${subject(p)} paling banyak ${p.constraint1} karakter`,
  matches: (p) => `${subject(p)} harus sesuai dengan pola ${p.constraint1}`,
  arrayMaxSize: (p) => `${subject(p)} paling banyak berisi ${p.constraint1} pilihan`,
  arrayUnique: (p) => `Isi kolom ${p.field} tidak boleh ada yang sama`,
};
