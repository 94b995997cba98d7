/**
 * Indonesian `detail` texts by code, for errors whose own message is English only (domain errors).
 * Libs add theirs at start-up with `registerProblemMessages`; a code without one falls back to
 * the error's message.
 */
const indonesian = new Map<string, string>([
  ['REQUEST.MALFORMED_JSON', 'Isi permintaan bukan JSON yang sah'],
  ['REQUEST.TOO_LARGE', 'Isi permintaan terlalu besar'],
  ['REQUEST.NOT_FOUND', 'Alamat yang diminta tidak ada'],
  ['REQUEST.METHOD_NOT_ALLOWED', 'Metode ini tidak didukung untuk alamat ini'],
  ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Jenis isi permintaan tidak didukung; gunakan application/json'],
  ['REQUEST.BAD_REQUEST', 'Permintaan tidak dapat dipahami'],
  ['STREAM.WRONG_EXPECTED_VERSION', 'Data kasus diubah orang lain pada saat yang sama; muat ulang lalu coba lagi'],
  ['STREAM.UNIQUE_CLAIM_VIOLATED', 'Data ini sudah terdaftar'],
  ['INTERNAL.ERROR', 'Terjadi kesalahan pada server; silakan coba lagi atau hubungi admin'],
]);

export function registerProblemMessages(messages: Record<string, string>): void {
  for (const [code, text] of Object.entries(messages)) indonesian.set(code, text);
}

export function indonesianDetail(code: string): string | undefined {
  return indonesian.get(code);
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleFor(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
