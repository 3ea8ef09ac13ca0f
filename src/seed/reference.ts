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
