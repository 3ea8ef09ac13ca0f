/**
 * Word lists for plausible Palembang data. Invented combinations of common Indonesian (and South
 * Sumatran) given names, streets and company words; no real person or company is described.
 */

export const MALE_GIVEN = [
  'Ahmad', 'Muhammad', 'Rizki', 'Budi', 'Agus', 'Andi', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Irfan', 'Joko',
  'Kurniawan', 'Rahmat', 'Rudi', 'Sandi', 'Taufik', 'Wahyu', 'Yusuf', 'Zulkifli', 'Arief', 'Bayu', 'Dimas',
  'Ferdi', 'Gilang', 'Hafiz', 'Ilham', 'Krisna', 'Lutfi', 'Mahmud', 'Nanda', 'Oki', 'Putra', 'Reza', 'Satria',
  'Teguh', 'Umar', 'Wawan', 'Yoga', 'Zainal', 'Alfian', 'Bambang', 'Candra', 'Darmawan', 'Erwin', 'Firman',
];
export const FEMALE_GIVEN = [
  'Siti', 'Nur', 'Dewi', 'Putri', 'Ayu', 'Rina', 'Sri', 'Wulan', 'Fitri', 'Indah', 'Lestari', 'Maya', 'Nadia',
  'Rani', 'Sari', 'Tika', 'Utami', 'Vina', 'Yuni', 'Zahra', 'Anisa', 'Bunga', 'Citra', 'Dinda', 'Eka', 'Febri',
  'Gita', 'Hana', 'Intan', 'Juwita', 'Kartika', 'Laila', 'Melati', 'Novi', 'Oktavia', 'Puspita', 'Ratna', 'Salsa',
  'Tiara', 'Vivi', 'Winda', 'Yulia', 'Aisyah', 'Fatimah', 'Nurul', 'Rahma',
];
export const MIDDLE = ['Adi', 'Dwi', 'Tri', 'Eka', 'Nur', 'Ayu', 'Sri', 'Puji', 'Arya', 'Cahya', 'Bintang', 'Dian'];
/** Family-style last names used by anyone, and some that only women carry. */
export const FAMILY = [
  'Pratama', 'Saputra', 'Wijaya', 'Hidayat', 'Setiawan', 'Rahman', 'Syahputra', 'Kusuma', 'Permana', 'Nugroho',
  'Santoso', 'Harahap', 'Siregar', 'Nasution', 'Lubis', 'Situmorang', 'Ramadhan', 'Febriansyah', 'Purnama',
  'Hasibuan', 'Fauzi', 'Hakim', 'Firmansyah', 'Gunawan', 'Utama', 'Sembiring',
];
export const FAMILY_FEMALE = [
  'Saputri', 'Anggraini', 'Oktaviani', 'Maharani', 'Aprilia', 'Novitasari', 'Wulandari', 'Kurniasih', 'Marlina',
  'Susanti', 'Apriyanti', 'Lestari', 'Rahmawati', 'Handayani',
];

export const BIRTH_PLACES_OTHER = [
  'Prabumulih', 'Lubuklinggau', 'Pagar Alam', 'Lahat', 'Muara Enim', 'Baturaja', 'Kayu Agung', 'Sekayu',
  'Banyuasin', 'Ogan Ilir', 'Indralaya', 'Martapura', 'Jambi', 'Bengkulu', 'Bandar Lampung', 'Jakarta', 'Medan',
  'Padang', 'Bandung', 'Yogyakarta', 'Surabaya', 'Pangkal Pinang',
];

export const STREETS = [
  'Jenderal Sudirman', 'Merdeka', 'Kapten A. Rivai', 'Demang Lebar Daun', 'Angkatan 45', 'Veteran', 'Basuki Rahmat',
  'R. Sukamto', 'Kol. H. Burlian', 'Mayor Ruslan', 'Sukabangun', 'Soekarno-Hatta', 'Talang Kelapa', 'Kertapati',
  'Jaksa Agung R. Suprapto', 'Ki Merogan', 'Mayor Zen', 'Perintis Kemerdekaan', 'Bay Salim', 'Letda A. Rozak',
  'Tanjung Api-Api', 'Srijaya Negara', 'Lunjuk Jaya', 'Residen H. Abdul Rozak', 'Macan Lindungan', 'Lorong Sawah',
];

export const SKILLS = [
  'Microsoft Office', 'Excel', 'mengemudi (SIM A)', 'mengemudi (SIM C)', 'akuntansi', 'administrasi', 'las listrik',
  'instalasi listrik', 'servis AC', 'menjahit', 'memasak', 'tata boga', 'barista', 'pelayanan pelanggan',
  'penjualan', 'digital marketing', 'desain grafis', 'fotografi', 'pemrograman web', 'jaringan komputer',
  'bahasa Inggris', 'K3', 'operator forklift', 'mekanik motor', 'mekanik mobil', 'perawatan kelapa sawit',
  'pergudangan', 'kasir', 'perhotelan', 'keperawatan', 'farmasi', 'tukang bangunan', 'pengelasan pipa',
  'teknisi HP', 'operator alat berat', 'data entry', 'public speaking', 'manajemen proyek',
];

/** Majors by level group. */
export const MAJORS_SMK = [
  'Teknik Kendaraan Ringan', 'Teknik Sepeda Motor', 'Teknik Instalasi Tenaga Listrik', 'Teknik Komputer dan Jaringan',
  'Akuntansi', 'Administrasi Perkantoran', 'Pemasaran', 'Tata Boga', 'Tata Busana', 'Perhotelan', 'Farmasi',
  'Teknik Pengelasan', 'Multimedia', 'Rekayasa Perangkat Lunak', 'Agribisnis Tanaman Perkebunan',
];
export const MAJORS_HIGHER = [
  'Teknik Sipil', 'Teknik Mesin', 'Teknik Elektro', 'Teknik Kimia', 'Teknik Informatika', 'Sistem Informasi',
  'Akuntansi', 'Manajemen', 'Ilmu Hukum', 'Ilmu Komunikasi', 'Keperawatan', 'Kebidanan', 'Farmasi',
  'Pendidikan Guru SD', 'Pendidikan Bahasa Inggris', 'Agribisnis', 'Agroteknologi', 'Ekonomi Pembangunan',
  'Administrasi Negara', 'Kesehatan Masyarakat', 'Perbankan Syariah', 'Teknik Pertambangan',
];

export const POSITIONS = [
  'Staf Administrasi', 'Kasir', 'Pramuniaga', 'Sopir', 'Kurir', 'Operator Produksi', 'Teknisi', 'Helper Gudang',
  'Sales', 'Customer Service', 'Satpam', 'Juru Masak', 'Pelayan', 'Staf Keuangan', 'Tenaga Harian Lepas', 'Mekanik',
];

/** KBLI 2020 codes of sectors common in Palembang, weighted by how many seeded employers fall in each. */
export const KBLI: Readonly<Record<string, number>> = {
  '47111': 14, // retail, mainly food (minimarkets)
  '47191': 6, // department stores
  '56101': 10, // restaurants
  '56303': 3, // coffee shops
  '01262': 5, // oil palm plantation
  '01291': 2, // rubber plantation
  '10431': 3, // palm oil processing
  '41011': 7, // building construction
  '42101': 3, // roads construction
  '45201': 4, // car repair
  '45405': 2, // motorcycle repair
  '49431': 3, // road freight
  '52101': 2, // warehousing
  '55110': 3, // hotels
  '62019': 2, // software
  '64121': 2, // banks
  '65111': 1, // life insurance
  '68111': 2, // real estate
  '78100': 3, // recruitment agencies
  '80100': 3, // security services
  '81210': 2, // cleaning services
  '85220': 3, // secondary education
  '86103': 3, // clinics
  '46100': 4, // wholesale on fee
  '46691': 2, // wholesale chemicals
  '06100': 1, // crude oil extraction
  '35101': 1, // electricity
  '96012': 2, // laundry
};

export const COMPANY_FORMS: Readonly<Record<string, number>> = { PT: 70, CV: 25, UD: 5 };
export const COMPANY_WORDS = [
  'Sumber', 'Makmur', 'Sejahtera', 'Jaya', 'Abadi', 'Sentosa', 'Mandiri', 'Karya', 'Utama', 'Prima', 'Mitra',
  'Bersama', 'Sriwijaya', 'Musi', 'Ampera', 'Bumi', 'Sumatera', 'Nusantara', 'Global', 'Cahaya', 'Berkah', 'Lestari',
  'Indah', 'Agung', 'Tunas', 'Harapan', 'Persada', 'Gemilang', 'Perkasa', 'Samudra', 'Kencana', 'Sinar', 'Bahari',
];

export const REVOKE_REASONS = [
  'Data pemegang kartu tidak sesuai dengan dokumen asli',
  'Pemegang kartu sudah bekerja dan tidak melapor',
  'Permintaan pemegang kartu',
  'Kartu diterbitkan ganda',
];
export const REJECT_REASONS = [
  'Foto KTP tidak terbaca, mohon unggah ulang',
  'Ijazah belum dilampirkan',
  'Data NIK tidak sesuai dengan KTP',
];

/** NIK regions outside Palembang: Sumatera Selatan regencies and neighbouring provinces' cities. */
export const OTHER_NIK_REGENCIES = [
  '1601', '1602', '1603', '1604', '1605', '1606', '1607', '1608', '1609', '1610', '1611', '1612', '1613', '1672', '1673', '1674',
];
export const OUTSIDE_NIK_REGENCIES = ['1571', '1771', '1871', '1271', '1371', '3171', '3273', '1971'];

/**
 * Kinds of vacancy Palembang employers report, each with what such a job usually asks and pays.
 * `education` lists the minimums employers put on it; wages are Rupiah a month (Palembang UMK ~3.7 M).
 */
export interface VacancyTemplate {
  title: string;
  /** KBJI 2014 occupation code. */
  occupationCode: string;
  education: readonly string[];
  skills: readonly string[];
  wage: readonly [number, number];
  types: Readonly<Record<string, number>>;
  /** Weights of the sex asked for: ANY, L, P. */
  sex: readonly [number, number, number];
  majors?: readonly string[];
}

export const VACANCY_TEMPLATES: readonly VacancyTemplate[] = [
  { title: 'Kasir Minimarket', occupationCode: '5230', education: ['SMA', 'SMK'], skills: ['kasir', 'pelayanan pelanggan', 'Microsoft Office'], wage: [3_500_000, 4_200_000], types: { FULL_TIME: 6, CONTRACT: 4 }, sex: [6, 1, 3] },
  { title: 'Pramuniaga Toko', occupationCode: '5223', education: ['SMP', 'SMA', 'SMK'], skills: ['penjualan', 'pelayanan pelanggan'], wage: [3_300_000, 4_000_000], types: { FULL_TIME: 5, CONTRACT: 4, PART_TIME: 1 }, sex: [7, 1, 2] },
  { title: 'Staf Administrasi', occupationCode: '4110', education: ['SMA', 'SMK', 'D3'], skills: ['administrasi', 'Microsoft Office', 'Excel', 'data entry'], wage: [3_700_000, 5_000_000], types: { FULL_TIME: 7, CONTRACT: 3 }, sex: [8, 0, 2], majors: ['Administrasi Perkantoran', 'Manajemen'] },
  { title: 'Staf Akuntansi', occupationCode: '3313', education: ['D3', 'S1'], skills: ['akuntansi', 'Excel', 'Microsoft Office'], wage: [4_200_000, 6_500_000], types: { FULL_TIME: 8, CONTRACT: 2 }, sex: [9, 0, 1], majors: ['Akuntansi', 'Manajemen'] },
  { title: 'Sopir Pengiriman', occupationCode: '8322', education: ['SD', 'SMP', 'SMA'], skills: ['mengemudi (SIM A)', 'pergudangan'], wage: [3_500_000, 4_800_000], types: { FULL_TIME: 6, CONTRACT: 3, DAILY: 1 }, sex: [2, 8, 0] },
  { title: 'Kurir Motor', occupationCode: '9621', education: ['SMP', 'SMA', 'SMK'], skills: ['mengemudi (SIM C)', 'pelayanan pelanggan'], wage: [3_200_000, 4_200_000], types: { FULL_TIME: 4, CONTRACT: 4, DAILY: 2 }, sex: [4, 6, 0] },
  { title: 'Operator Produksi', occupationCode: '8160', education: ['SMA', 'SMK'], skills: ['K3', 'operator forklift'], wage: [3_700_000, 4_600_000], types: { FULL_TIME: 4, CONTRACT: 6 }, sex: [5, 4, 1] },
  { title: 'Helper Gudang', occupationCode: '9333', education: ['SD', 'SMP', 'SMA'], skills: ['pergudangan', 'operator forklift'], wage: [3_000_000, 3_900_000], types: { FULL_TIME: 3, CONTRACT: 4, DAILY: 3 }, sex: [3, 7, 0] },
  { title: 'Teknisi Listrik', occupationCode: '7411', education: ['SMK', 'D3'], skills: ['instalasi listrik', 'K3'], wage: [4_000_000, 6_000_000], types: { FULL_TIME: 6, CONTRACT: 4 }, sex: [3, 7, 0], majors: ['Teknik Instalasi Tenaga Listrik', 'Teknik Elektro'] },
  { title: 'Teknisi AC', occupationCode: '7127', education: ['SMK'], skills: ['servis AC', 'instalasi listrik'], wage: [3_800_000, 5_200_000], types: { FULL_TIME: 6, CONTRACT: 3, DAILY: 1 }, sex: [3, 7, 0] },
  { title: 'Mekanik Sepeda Motor', occupationCode: '7231', education: ['SMK'], skills: ['mekanik motor'], wage: [3_500_000, 4_800_000], types: { FULL_TIME: 8, CONTRACT: 2 }, sex: [3, 7, 0], majors: ['Teknik Sepeda Motor'] },
  { title: 'Mekanik Mobil', occupationCode: '7231', education: ['SMK', 'D3'], skills: ['mekanik mobil', 'K3'], wage: [4_000_000, 6_000_000], types: { FULL_TIME: 8, CONTRACT: 2 }, sex: [3, 7, 0], majors: ['Teknik Kendaraan Ringan', 'Teknik Mesin'] },
  { title: 'Juru Las', occupationCode: '7212', education: ['SMK'], skills: ['las listrik', 'pengelasan pipa', 'K3'], wage: [4_200_000, 6_500_000], types: { FULL_TIME: 4, CONTRACT: 5, DAILY: 1 }, sex: [2, 8, 0], majors: ['Teknik Pengelasan'] },
  { title: 'Juru Masak', occupationCode: '5120', education: ['SMP', 'SMA', 'SMK'], skills: ['memasak', 'tata boga'], wage: [3_400_000, 5_000_000], types: { FULL_TIME: 7, PART_TIME: 2, CONTRACT: 1 }, sex: [7, 2, 1], majors: ['Tata Boga'] },
  { title: 'Barista', occupationCode: '5132', education: ['SMA', 'SMK'], skills: ['barista', 'pelayanan pelanggan', 'kasir'], wage: [3_200_000, 4_300_000], types: { FULL_TIME: 5, PART_TIME: 5 }, sex: [8, 1, 1] },
  { title: 'Pelayan Restoran', occupationCode: '5131', education: ['SMP', 'SMA', 'SMK'], skills: ['pelayanan pelanggan', 'perhotelan'], wage: [3_100_000, 3_900_000], types: { FULL_TIME: 4, PART_TIME: 4, DAILY: 2 }, sex: [7, 1, 2] },
  { title: 'Resepsionis Hotel', occupationCode: '4224', education: ['SMK', 'D3'], skills: ['perhotelan', 'bahasa Inggris', 'pelayanan pelanggan'], wage: [3_700_000, 4_800_000], types: { FULL_TIME: 7, CONTRACT: 3 }, sex: [4, 1, 5], majors: ['Perhotelan'] },
  { title: 'Customer Service', occupationCode: '4222', education: ['SMA', 'SMK', 'D3', 'S1'], skills: ['pelayanan pelanggan', 'Microsoft Office', 'public speaking'], wage: [3_800_000, 5_200_000], types: { FULL_TIME: 7, CONTRACT: 3 }, sex: [6, 1, 3] },
  { title: 'Sales Lapangan', occupationCode: '3322', education: ['SMA', 'SMK', 'D3'], skills: ['penjualan', 'mengemudi (SIM C)', 'public speaking'], wage: [3_500_000, 6_000_000], types: { FULL_TIME: 6, CONTRACT: 4 }, sex: [7, 3, 0] },
  { title: 'Digital Marketing', occupationCode: '2431', education: ['D3', 'S1'], skills: ['digital marketing', 'desain grafis', 'fotografi'], wage: [4_500_000, 7_000_000], types: { FULL_TIME: 7, CONTRACT: 2, INTERNSHIP: 1 }, sex: [9, 0, 1] },
  { title: 'Programmer Web', occupationCode: '2512', education: ['D3', 'S1'], skills: ['pemrograman web', 'jaringan komputer'], wage: [5_500_000, 10_000_000], types: { FULL_TIME: 7, CONTRACT: 2, INTERNSHIP: 1 }, sex: [10, 0, 0], majors: ['Teknik Informatika', 'Sistem Informasi'] },
  { title: 'Teknisi Jaringan', occupationCode: '3513', education: ['SMK', 'D3', 'S1'], skills: ['jaringan komputer', 'teknisi HP'], wage: [4_200_000, 6_500_000], types: { FULL_TIME: 7, CONTRACT: 3 }, sex: [6, 4, 0], majors: ['Teknik Komputer dan Jaringan', 'Teknik Informatika'] },
  { title: 'Perawat', occupationCode: '2221', education: ['D3', 'S1'], skills: ['keperawatan', 'K3'], wage: [4_000_000, 6_200_000], types: { FULL_TIME: 8, CONTRACT: 2 }, sex: [6, 1, 3], majors: ['Keperawatan'] },
  { title: 'Asisten Apoteker', occupationCode: '3213', education: ['SMK', 'D3'], skills: ['farmasi', 'pelayanan pelanggan'], wage: [3_700_000, 4_800_000], types: { FULL_TIME: 7, CONTRACT: 3 }, sex: [5, 0, 5], majors: ['Farmasi'] },
  { title: 'Satpam', occupationCode: '5414', education: ['SMA', 'SMK'], skills: ['K3', 'public speaking'], wage: [3_600_000, 4_500_000], types: { FULL_TIME: 5, CONTRACT: 5 }, sex: [1, 9, 0] },
  { title: 'Petugas Kebersihan', occupationCode: '9112', education: ['NONE', 'SD', 'SMP'], skills: ['K3'], wage: [3_000_000, 3_700_000], types: { FULL_TIME: 3, CONTRACT: 4, DAILY: 3 }, sex: [6, 2, 2] },
  { title: 'Tukang Bangunan', occupationCode: '7112', education: ['NONE', 'SD', 'SMP'], skills: ['tukang bangunan', 'K3'], wage: [3_200_000, 4_500_000], types: { DAILY: 6, CONTRACT: 4 }, sex: [1, 9, 0] },
  { title: 'Operator Alat Berat', occupationCode: '8342', education: ['SMP', 'SMA', 'SMK'], skills: ['operator alat berat', 'K3'], wage: [5_000_000, 8_000_000], types: { FULL_TIME: 4, CONTRACT: 6 }, sex: [1, 9, 0] },
  { title: 'Mandor Kebun Kelapa Sawit', occupationCode: '6113', education: ['SMA', 'SMK', 'D3'], skills: ['perawatan kelapa sawit', 'K3'], wage: [4_000_000, 5_800_000], types: { FULL_TIME: 6, CONTRACT: 4 }, sex: [2, 8, 0], majors: ['Agribisnis Tanaman Perkebunan', 'Agroteknologi'] },
  { title: 'Penjahit Garmen', occupationCode: '7533', education: ['SD', 'SMP', 'SMK'], skills: ['menjahit'], wage: [3_000_000, 4_000_000], types: { FULL_TIME: 4, CONTRACT: 3, DAILY: 3 }, sex: [3, 0, 7], majors: ['Tata Busana'] },
  { title: 'Guru Bahasa Inggris', occupationCode: '2330', education: ['S1'], skills: ['bahasa Inggris', 'public speaking'], wage: [3_500_000, 6_000_000], types: { FULL_TIME: 5, PART_TIME: 4, CONTRACT: 1 }, sex: [8, 0, 2], majors: ['Pendidikan Bahasa Inggris'] },
  { title: 'Manajer Proyek Konstruksi', occupationCode: '1323', education: ['S1', 'S2'], skills: ['manajemen proyek', 'K3', 'Microsoft Office'], wage: [9_000_000, 18_000_000], types: { FULL_TIME: 6, CONTRACT: 4 }, sex: [8, 2, 0], majors: ['Teknik Sipil'] },
  { title: 'Staf Gudang dan Logistik', occupationCode: '4321', education: ['SMA', 'SMK', 'D3'], skills: ['pergudangan', 'Excel', 'data entry'], wage: [3_600_000, 4_700_000], types: { FULL_TIME: 6, CONTRACT: 4 }, sex: [6, 4, 0] },
  { title: 'Teller Bank', occupationCode: '4211', education: ['D3', 'S1'], skills: ['pelayanan pelanggan', 'akuntansi', 'kasir'], wage: [4_500_000, 6_000_000], types: { FULL_TIME: 5, CONTRACT: 5 }, sex: [5, 1, 4], majors: ['Perbankan Syariah', 'Manajemen', 'Akuntansi'] },
];

/** Sentences employers put in vacancy descriptions; a few are drawn per vacancy. */
export const VACANCY_DUTIES = [
  'Melayani pelanggan dengan ramah dan cepat.',
  'Bersedia bekerja dengan sistem shift.',
  'Mampu bekerja dalam tim maupun mandiri.',
  'Jujur, disiplin, dan bertanggung jawab.',
  'Berpenampilan rapi dan sopan.',
  'Diutamakan berdomisili di Palembang.',
  'Diutamakan yang memiliki pengalaman di bidang yang sama.',
  'Fresh graduate dipersilakan melamar.',
  'Memiliki kendaraan sendiri menjadi nilai tambah.',
  'Sehat jasmani dan rohani, tidak buta warna.',
  'Bersedia ditempatkan di luar kota bila diperlukan.',
  'Menyusun laporan harian kepada atasan.',
  'Menjaga kebersihan dan kerapian area kerja.',
  'Mematuhi prosedur keselamatan dan kesehatan kerja.',
];
export const VACANCY_BENEFITS = [
  'BPJS Kesehatan dan BPJS Ketenagakerjaan.',
  'Tunjangan hari raya (THR).',
  'Uang makan dan transport.',
  'Bonus bulanan sesuai target.',
  'Jenjang karier yang jelas.',
  'Pelatihan kerja dari perusahaan.',
  'Mess karyawan tersedia.',
];
export const VACANCY_CLOSE_NOTES = ['Posisi sudah terisi dari jalur internal', 'Rencana rekrutmen ditunda', 'Anggaran dialihkan', null, null] as const;
