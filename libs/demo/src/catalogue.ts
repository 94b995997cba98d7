import type { TrainingKind } from '@jejak/journey/domain';

/** Trainings and providers named in the programme reports (../shared/domain.md and seeds/). */
export const TRAININGS: readonly { title: string; provider: string; kind: TrainingKind; hours: number }[] = [
  { title: 'Pelatihan Pengelasan (Welding)', provider: 'Mobile Training Unit Disnaker Kab. Bekasi', kind: 'competency', hours: 160 },
  { title: 'Servis AC (Teknisi Pendingin)', provider: 'Mobile Training Unit Disnaker Kab. Bekasi', kind: 'competency', hours: 120 },
  { title: 'Pangkas Rambut (Barbershop)', provider: 'BLK Kabupaten Bekasi', kind: 'competency', hours: 80 },
  { title: 'Instalasi Listrik Rumah Tangga', provider: 'BLK Kabupaten Bekasi', kind: 'competency', hours: 120 },
  { title: 'Tata Boga', provider: 'BLK Kabupaten Bekasi', kind: 'competency', hours: 80 },
  { title: 'Tata Rias Pengantin (MUA)', provider: 'Mobile Training Unit Disnaker Kab. Bekasi', kind: 'competency', hours: 80 },
  { title: 'Pelatihan Wirausaha Resin Art', provider: 'Dinas Koperasi dan UMKM Kab. Bekasi', kind: 'entrepreneurship', hours: 24 },
  { title: 'Pembekalan TKM Pemula', provider: 'BPKK Bekasi', kind: 'entrepreneurship', hours: 32 },
  { title: 'Wirausaha Baru: Kerajinan Logam (Cipogo, Boyolali)', provider: 'Dinas Perindustrian Kab. Bekasi', kind: 'competency', hours: 60 },
  { title: 'Wirausaha Baru: Servis Dinamo (Surabaya)', provider: 'Dinas Perindustrian Kab. Bekasi', kind: 'competency', hours: 60 },
  { title: 'Kewirausahaan dan Pemasaran Digital', provider: 'Dinas Koperasi dan UMKM Kab. Bekasi', kind: 'non_competency', hours: 16 },
  { title: 'Menjahit dan Konveksi', provider: 'UPTD BLK Tabalong', kind: 'competency', hours: 120 },
  { title: 'Budidaya Ikan Air Tawar', provider: 'UPTD BLK Tabalong', kind: 'competency', hours: 60 },
];

export const BUSINESS_IDEAS = [
  'Bengkel las pagar dan kanopi', 'Servis AC keliling', 'Barbershop', 'Jasa instalasi listrik', 'Katering rumahan',
  'Jasa rias pengantin', 'Kerajinan resin', 'Warung kopi', 'Keripik singkong', 'Konveksi kaos', 'Budidaya lele',
  'Servis dinamo dan pompa air', 'Kue basah', 'Laundry kiloan', 'Sablon kaos',
];

export const GROUP_BUSINESS_TYPES = ['Kuliner', 'Bengkel las', 'Konveksi', 'Perikanan', 'Jasa servis', 'Kerajinan'];

export const PROVINCE_REGENCIES = [
  { regency: '32.16', weight: 0.85 }, // Kabupaten Bekasi
  { regency: '63.09', weight: 0.15 }, // Kabupaten Tabalong
] as const;
