/**
 * Indonesian given and family names common in West Java and South Kalimantan, for demo data.
 * Combined they give tens of thousands of plausible full names; none is a real person's record.
 */
export const FEMALE_GIVEN = `Siti Nur Dewi Sri Rina Ani Yuni Wati Lestari Ratna Fitri Indah Rini Eka Dian Ayu Putri Wulan
Maya Nia Lia Tuti Yanti Ika Endang Sulastri Suryani Nining Euis Neneng Iis Imas Cucu Entin Enok Ai Popon Yayah Titin
Nurhayati Kurniasih Rohmah Aisyah Fatimah Khadijah Zahra Nabila Salsabila Aulia Annisa Rahmawati Handayani Puspita
Anggraini Maharani Kartika Septiani Novita Oktaviani Desi Mega Ningsih Susanti Herlina Yulia Rosita Komariah Atikah
Hasanah Halimah Mulyani Sumiati Kokom Elis Lilis Tati Yeni Heni Reni Devi Vina Intan Citra Permata Mutiara Melati
Kirana Larasati Galuh Sekar Rahayu Astuti Wahyuni Purnamasari Safitri Amelia Nadia Rizka Tiara Zaskia`.split(/\s+/);

export const MALE_GIVEN = `Budi Agus Ahmad Muhammad Dedi Asep Ujang Dadang Cecep Ade Iwan Hendra Rudi Joko Bambang Eko
Dwi Tri Andi Rizki Fajar Irfan Yusuf Hasan Husein Ali Umar Rahmat Hidayat Slamet Suparman Sutrisno Wahyu Teguh
Yogi Dimas Bayu Reza Arif Taufik Hamdan Jajang Ujang Engkos Otong Dodi Deden Ayi Kosasih Endang Ucup Aep Dani
Firman Gilang Ilham Kurniawan Lukman Mulyadi Nanang Oman Pandu Rendi Sandi Tatang Usman Wawan Yadi Zainal Rizal
Nurdin Saepul Ridwan Ikhsan Haris Fauzi Hafiz Syarif Anwar Mansur Samsul Abdul Rahman Amir Baharuddin Daud Ismail
Khairul Norhadi Akhmad Rusdi Saiful Hairil Fahmi Gusti Iskandar Jamaluddin`.split(/\s+/);

export const FAMILY = `Santoso Saputra Hidayat Setiawan Kurniawan Wijaya Gunawan Pratama Nugroho Susanto Hermawan Rahman
Suryana Sopian Supriatna Permana Sudrajat Hamdani Maulana Ramadhan Firmansyah Syahputra Hakim Fauzan Nasution
Siregar Harahap Lubis Simanjuntak Purba Ginting Tarigan Sembiring Pangaribuan Situmorang Wibowo Prasetyo Utomo
Sulistyo Purnomo Haryanto Suharto Sugiarto Mulyana Sutisna Rusmana Kusnadi Nurjaman Ruhiyat Hambali Muslim
Noor Arsyad Effendi Aziz Basri Ramli Syamsudin Norhasanah Rahmadi Husaini Mahmud Yusran Anshari Hasbi`.split(/\s+/);
