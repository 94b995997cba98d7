/**
 * Bodies for POST /v1/entrepreneurs that the domain accepts (domain.md): a NIK `PPKKCC DDMMYY SSSS`
 * whose region is a real Bekasi kecamatan, whose date is the declared birth date (women + 40) and
 * whose serial is not 0000, and which no other body of this process and no demo person repeats.
 * The demo seed draws birth dates from 1972-2005; these people are school leavers born 2006-2009
 * (WUB takes SLTA leavers first), so the NIK claims never collide with seeded ones.
 */
const FIRST_BIRTH_DAY = Date.UTC(2006, 0, 1);
const BIRTH_DAYS = 4 * 365;
const GIVEN = ['Siti', 'Dewi', 'Rina', 'Ayu', 'Budi', 'Agus', 'Rizky', 'Dimas', 'Putri', 'Fajar', 'Nur', 'Eko'];
const FAMILY = ['Lestari', 'Saputra', 'Wulandari', 'Hidayat', 'Pratama', 'Rahayu', 'Nugroho', 'Kurniawan'];
const IDEAS = ['warung kopi', 'jahit dan permak', 'katering rumahan', 'servis AC', 'las dan bubut', 'tata rias (MUA)'];

export interface RegistrationBody {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'F' | 'M';
  regionCode: string;
  phone: string;
  education: 'slta';
  employmentStatus: 'unemployed';
  businessIdea: string;
}

/** Deterministic, never repeating within one generator (and the run holds one). */
export function registrationBodies(kecamatanCodes: readonly string[]): () => RegistrationBody {
  if (kecamatanCodes.length === 0) throw new Error('at least one kecamatan code is needed');
  let n = 0;
  return () => {
    const i = n++;
    const regionCode = kecamatanCodes[i % kecamatanCodes.length];
    const rest = Math.floor(i / kecamatanCodes.length);
    const sex: 'F' | 'M' = rest % 2 === 0 ? 'F' : 'M';
    const dayIndex = Math.floor(rest / 2) % BIRTH_DAYS;
    const serial = Math.floor(rest / 2 / BIRTH_DAYS) + 1;
    if (serial > 9999) throw new Error('registration bodies exhausted');
    const birth = new Date(FIRST_BIRTH_DAY + dayIndex * 86_400_000);
    const birthDate = birth.toISOString().slice(0, 10);
    const [y, m, d] = birthDate.split('-');
    const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
    const nik = `${regionCode.replace(/\./g, '')}${day}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
    return {
      nik,
      fullName: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i >> 3) % FAMILY.length]}`,
      birthDate,
      sex,
      regionCode,
      phone: `0812${String(10_000_000 + (i % 89_999_999))}`,
      education: 'slta',
      employmentStatus: 'unemployed',
      businessIdea: IDEAS[i % IDEAS.length],
    };
  };
}
