/**
 * Bahasa Indonesia texts added for issue 14 (the console as people really use it): the menu, help and
 * privacy pages, confirmations, the audit log's sentences, the CSV import's reasons. Spread into `ID`
 * (messages.id.ts), so the keys are the same dictionary's.
 */
export const UX_ID = {
  'nav.menu': 'Menu',
  'nav.help': 'Bantuan',
  'nav.privacy': 'Pemberitahuan privasi',
  'errpage.busy': 'Sedang diproses',
  'form.requiredField': 'Wajib diisi.',
  'form.required': '{label} wajib diisi.',
  'hint.startDate': 'TMT (terhitung mulai tanggal): hari pertama bekerja.',
  'fielderr.check.nik': 'NIK harus 16 digit angka sesuai KTP pemegang kartu (boleh diketik dengan spasi).',
  'fielderr.check.cardNumber': 'Masukkan nomor kartu AK1 seperti tertulis di kartu.',
  'fielderr.reason': 'Tulis alasannya, minimal 3 karakter.',
  'fielderr.confirm': 'Centang pernyataan penerimaan terlebih dahulu.',

  // The card check: QR with the phone's camera, or what a scanner app shows.
  'check.mismatch': 'Data tidak cocok',
  'check.scanTitle': 'Memindai kode QR dengan kamera HP',
  'check.scan1': 'Buka aplikasi Kamera di HP (di sebagian HP Android: Google Lens atau pemindai QR bawaan).',
  'check.scan2': 'Arahkan kamera ke kode QR di sisi depan kartu AK1 sampai muncul sebuah tautan.',
  'check.scan3': 'Ketuk tautan itu: halaman ini terbuka dan langsung menampilkan hasil pengecekan.',
  'check.pasteTitle': 'Atau tempelkan isi kode QR',
  'check.paste': 'Tautan atau kode dari kode QR',
  'check.pasteHint': 'Bila aplikasi pemindai menampilkan teks, salin lalu tempelkan di sini.',
  'check.submit': 'Cek kartu',

  // Cards.
  'card.rejectedReason': 'Alasan penolakan',
  'card.revokedReason': 'Alasan pencabutan',
  'card.requestRejected': 'Permohonan ditolak',
  'card.rejectedNote':
    'Permohonan kartu AK1 Anda ditolak. Perbaiki data sesuai alasan di bawah ini, lalu ajukan lagi, atau datang ke ' +
    'kantor Disnaker.',
  'card.placedSince': 'mulai bekerja (TMT) {date}',
  'card.tmtNote': 'TMT: terhitung mulai tanggal, yaitu hari pertama bekerja.',
  'card.lookingAgain': 'Sudah tidak bekerja dan mencari kerja lagi?',
  'card.lookingAgainIntro':
    'Anda tercatat sudah diterima bekerja. Bila Anda berhenti bekerja dan kembali mencari kerja, ajukan kartu AK1 ' +
    'baru di sini.',
  'card.requestAgain': 'Ajukan kartu baru',
  'card.requestAgainConfirm': 'Ajukan kartu baru karena Anda mencari kerja lagi?',
  'ok.cardApprovedNumber': 'Kartu disetujui dengan nomor {number}.',
  'ok.reportedNext': 'Laporan 6 bulanan tercatat pada {reportDate}. Wajib lapor berikutnya: {dueDate}.',
  'officer.approveQuestion':
    'Setujui permohonan kartu AK1 atas nama {name} (NIK {nik})? Kartu langsung aktif dan diberi nomor.',
  'officer.approveConfirm': 'Ya, setujui dan beri nomor',
  'officer.verifyQuestion':
    'Verifikasi {name} (NIB {nib})? Perusahaan ini langsung dapat memasang lowongan, mengecek kartu, dan mencatat ' +
    'penerimaan karyawan.',
  'officer.verifyConfirm': 'Ya, verifikasi',

  // A job seeker recorded as hired.
  'seeker.placedNoRecommendations':
    'Anda tercatat sudah diterima bekerja, jadi tidak ada lagi rekomendasi lowongan. Selamat bekerja!',
  'hired.already': 'Anda sudah tercatat diterima bekerja. Kartu AK1 Anda ditutup dengan status "diterima bekerja".',
  'vacancy.placedNote': 'Anda tercatat sudah diterima bekerja, sehingga tidak dapat melamar lowongan ini.',
  'vacancy.alreadyApplied': 'Anda sudah melamar lowongan ini pada {date}. Status lamaran: {status}.',

  // A company that may not post vacancies yet.
  'employer.postAfterVerification':
    'Lowongan dapat dipasang setelah perusahaan Anda diverifikasi Disnaker. Petugas akan memeriksa data ' +
    'perusahaan, biasanya dalam 1–2 hari kerja.',
  'employer.postSuspended':
    'Perusahaan Anda sedang ditangguhkan: lowongan tidak dapat dipasang, diubah, atau ditayangkan sampai dipulihkan ' +
    'Disnaker. Lowongan yang ada masih dapat ditutup.',

  // Help.
  'help.title': 'Bantuan',
  'help.whatTitle': 'Apa itu kartu AK1?',
  'help.what':
    'Kartu AK1 adalah Kartu Tanda Bukti Pendaftaran Pencari Kerja yang diterbitkan Dinas Tenaga Kerja (dulu dikenal ' +
    'sebagai kartu kuning). Kartu ini menunjukkan bahwa Anda terdaftar sebagai pencari kerja dan sering diminta ' +
    'perusahaan saat melamar kerja.',
  'help.free': 'Kartu AK1 gratis, tidak dipungut biaya apa pun, dan berlaku 2 tahun.',
  'help.reqTitle': 'Persyaratan',
  'help.req1': 'Berusia 15 tahun atau lebih dan sedang mencari kerja.',
  'help.req2': 'KTP elektronik (NIK) yang masih berlaku.',
  'help.req3': 'Ijazah atau surat keterangan lulus (SKL) pendidikan terakhir.',
  'help.req4': 'Pas foto terbaru ukuran 3×4 cm; sertifikat keahlian atau surat pengalaman kerja bila ada.',
  'help.howTitle': 'Cara mendapatkan kartu AK1',
  'help.step1': 'Daftar sebagai pencari kerja di layanan ini (atau datang ke loket kantor Disnaker).',
  'help.step2': 'Ajukan kartu AK1 dari halaman "Kartu AK1 saya".',
  'help.step3': 'Petugas Disnaker memeriksa data Anda, lalu menyetujui permohonan dan memberi nomor kartu.',
  'help.step4': 'Cetak kartu Anda dari halaman "Kartu AK1 saya", atau minta dicetakkan di kantor.',
  'help.dutyTitle': 'Kewajiban pemegang kartu',
  'help.duty1': 'Melapor setiap 6 bulan bahwa Anda masih mencari kerja (tombol "Lapor 6 bulanan").',
  'help.duty2': 'Melaporkan bila sudah diterima bekerja (menu "Saya sudah bekerja").',
  'help.duty3': 'Memperbarui profil bila pendidikan, keahlian, atau nomor HP berubah.',
  'help.employersTitle': 'Untuk perusahaan',
  'help.employers':
    'Perusahaan mendaftar di layanan ini dan diverifikasi Disnaker, lalu dapat memasang lowongan, mengecek kartu AK1 ' +
    'pelamar dengan nomor kartu dan NIK, dan mencatat penerimaan karyawan.',
  'help.officeTitle': 'Kantor pelayanan',
  'help.office': 'Kantor',
  'help.address': 'Alamat',
  'help.hours': 'Jam layanan',
  'help.phone': 'Telepon',
  'help.email': 'Email',
  'help.bring': 'Bawa KTP dan ijazah asli bila datang ke kantor. Layanan kartu AK1 tidak dipungut biaya.',

  // Privacy notice (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).
  'privacy.title': 'Pemberitahuan privasi',
  'privacy.intro':
    'Pemberitahuan ini menjelaskan data pribadi apa yang kami kumpulkan di layanan kartu AK1, untuk apa, siapa yang ' +
    'dapat melihatnya, dan hak Anda, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
  'privacy.whoTitle': 'Pengendali data',
  'privacy.who': '{office} mengelola layanan ini dan bertanggung jawab atas data pribadi di dalamnya.',
  'privacy.whatTitle': 'Data yang dikumpulkan',
  'privacy.what1':
    'Identitas sesuai KTP: NIK, nama, tempat dan tanggal lahir, jenis kelamin, status perkawinan, alamat.',
  'privacy.what2': 'Kontak dan profil: nomor HP, email, pendidikan, jurusan, keahlian, dan pengalaman kerja.',
  'privacy.what3': 'Riwayat layanan: kartu AK1 dan laporan 6 bulanan, lamaran, rujukan, dan penempatan kerja.',
  'privacy.whyTitle': 'Tujuan',
  'privacy.why1': 'Menerbitkan dan mengelola kartu AK1 serta memeriksa keabsahannya.',
  'privacy.why2': 'Mempertemukan pencari kerja dengan lowongan, termasuk rujukan oleh petugas.',
  'privacy.why3':
    'Menyusun statistik ketenagakerjaan (laporan IPK) yang wajib dilaporkan Disnaker, hanya dalam bentuk jumlah.',
  'privacy.seeTitle': 'Siapa yang dapat melihat data Anda',
  'privacy.see1': 'Petugas Disnaker, untuk melayani Anda.',
  'privacy.see2':
    'Perusahaan yang lowongannya Anda lamar: nama, pendidikan, keahlian, dan status kartu AK1 Anda. Nomor HP dan ' +
    'email hanya bila Anda mengizinkannya saat melamar; izin itu dapat Anda tarik kapan saja.',
  'privacy.see3':
    'Perusahaan terverifikasi yang mengecek kartu Anda dengan nomor kartu dan NIK: hanya hasilnya, nama yang ' +
    'disamarkan, dan masa berlaku.',
  'privacy.see4': 'Siapa pun yang memindai kode QR kartu Anda: hanya keabsahan kartu dan nama yang disamarkan.',
  'privacy.keepTitle': 'Penyimpanan dan keamanan',
  'privacy.keep1': 'NIK disimpan terenkripsi. Setiap perubahan data dicatat dalam log audit.',
  'privacy.keep2': 'Data disimpan selama diperlukan untuk layanan dan pelaporan sesuai ketentuan arsip pemerintah.',
  'privacy.rightsTitle': 'Hak Anda',
  'privacy.rights1': 'Melihat dan memperbaiki data Anda (profil dapat diubah sendiri; identitas di kantor dengan KTP).',
  'privacy.rights2': 'Menarik izin berbagi kontak dengan perusahaan kapan saja, dari halaman "Lamaran saya".',
  'privacy.rights3':
    'Meminta penjelasan, pembatasan, atau penghapusan data sepanjang tidak wajib disimpan menurut peraturan.',
  'privacy.contactTitle': 'Hubungi kami',
  'privacy.contact': 'Untuk pertanyaan atau permintaan tentang data pribadi Anda, hubungi {office}, {address}.',
  'privacy.contactLink': 'Jam layanan dan kontak',
  'privacy.updated': 'Berlaku sejak Desember 2026.',

  // The audit log as sentences.
  'audit.intro': 'Siapa melakukan apa, kapan. Pilih tautan di sebuah baris untuk melihat riwayat objek atau orang itu.',
  'audit.what': 'Kejadian',
  'audit.someFields': 'beberapa isian',
  'audit.unknownName': '(tanpa nama)',
  'audit.noNumber': '(belum bernomor)',
  'audit.otherAction': 'tindakan lain',
  'audit.object': 'objek ini',
  'audit.historyOf': 'Riwayat {what} ini',
  'audit.actionsOf': 'Semua tindakannya',
  'audit.narrowed': 'Hanya catatan tentang {name}.',
  'audit.showAll': 'Tampilkan semua',
  'audit.onePerson': 'satu orang',
  'audit.oneObject': 'satu objek',
  'auditSentence.other': '{actor}: {what} ({object}).',
  'auditSentence.reason': 'Alasan: {reason}.',
  'auditSentence.employer.registered': '{actor} mendaftarkan perusahaan {employer}.',
  'auditSentence.employer.verified': '{actor} memverifikasi perusahaan {employer}.',
  'auditSentence.employer.rejected': '{actor} menolak pendaftaran perusahaan {employer}.',
  'auditSentence.employer.suspended': '{actor} menangguhkan perusahaan {employer}.',
  'auditSentence.employer.reinstated': '{actor} memulihkan perusahaan {employer}.',
  'auditSentence.employer.staff_added': '{actor} menambahkan akun staf HR {user} untuk {employer}.',
  'auditSentence.officer.bootstrapped': 'Sistem membuat akun petugas pertama, {user}.',
  'auditSentence.officer.created': '{actor} membuat akun petugas {user}.',
  'auditSentence.seeker.registered': '{seeker} mendaftar sebagai pencari kerja.',
  'auditSentence.seeker.registeredWalkIn': '{actor} mendaftarkan {seeker} sebagai pencari kerja di loket.',
  'auditSentence.seeker.imported': '{actor} mengimpor data pencari kerja {seeker} dari sistem lama.',
  'auditSentence.seeker.updated': '{actor} mengubah profil {seeker}: {fields}.',
  'auditSentence.seeker.reactivated': '{seeker} kembali aktif mencari kerja.',
  'auditSentence.card.requested': '{actor} mengajukan kartu AK1 untuk {seeker}.',
  'auditSentence.card.approved': '{actor} menyetujui kartu AK1 {seeker} dengan nomor {card}.',
  'auditSentence.card.rejected': '{actor} menolak permohonan kartu AK1 {seeker}.',
  'auditSentence.card.issued': '{actor} menerbitkan kartu AK1 {card} untuk {seeker} di loket.',
  'auditSentence.card.imported': '{actor} mengimpor kartu AK1 {card} ({seeker}) dari sistem lama.',
  'auditSentence.card.reported':
    '{actor} mencatat lapor 6 bulanan kartu AK1 {card} ({seeker}); wajib lapor berikutnya {date}.',
  'auditSentence.card.revoked': '{actor} mencabut kartu AK1 {card} ({seeker}).',
  'auditSentence.card.expired': 'Kartu AK1 {card} ({seeker}) habis masa berlakunya.',
  'auditSentence.card.placed': 'Kartu AK1 {card} ({seeker}) ditutup karena pemegangnya diterima bekerja di {employer}.',
  'auditSentence.placement.recorded': '{actor} mencatat {seeker} diterima bekerja di {employer} mulai {date}.',
  'auditSentence.vacancy.created': '{actor} membuat lowongan {vacancy} ({status}) untuk {employer}.',
  'auditSentence.vacancy.updated': '{actor} mengubah lowongan {vacancy}: {fields}.',
  'auditSentence.vacancy.published': '{actor} menayangkan lowongan {vacancy}.',
  'auditSentence.vacancy.closed': '{actor} menutup lowongan {vacancy}.',
  'auditSentence.vacancy.expired': 'Lowongan {vacancy} ditutup karena batas lamarannya lewat.',
  'auditSentence.vacancy.filled': 'Semua posisi lowongan {vacancy} sudah terisi.',
  'auditSentence.application.submitted': '{actor} melamar lowongan {vacancy} ({employer}).',
  'auditSentence.application.shortlisted': '{actor} menyatakan lamaran {seeker} untuk {vacancy} lolos seleksi berkas.',
  'auditSentence.application.rejected': '{actor} menolak lamaran {seeker} untuk {vacancy}.',
  'auditSentence.application.withdrawn': '{actor} menarik lamarannya untuk {vacancy}.',
  'auditSentence.application.hired': '{actor} menerima {seeker} bekerja dari lamaran untuk {vacancy}.',
  'auditSentence.application.closed': 'Lamaran {seeker} untuk {vacancy} ditutup: {closedReason}.',
  'auditSentence.application.consentGiven': '{actor} mengizinkan {employer} melihat nomor HP dan emailnya ({vacancy}).',
  'auditSentence.application.consentWithdrawn':
    '{actor} menarik izin {employer} melihat nomor HP dan emailnya ({vacancy}).',
  'auditSentence.referral.created': '{actor} merujuk {seeker} ke lowongan {vacancy} ({employer}).',

  // The CSV import: columns and reasons.
  'import.columnsTitle': 'Kolom berkas CSV',
  'import.columnMeaning': 'Isi',
  'import.columnRequired': 'Wajib',
  'importcol.cardNumber': 'Nomor kartu AK1 di sistem lama (disimpan apa adanya)',
  'importcol.nik': 'NIK 16 digit',
  'importcol.fullName': 'Nama lengkap sesuai KTP',
  'importcol.birthPlace': 'Tempat lahir',
  'importcol.birthDate': 'Tanggal lahir (TTTT-BB-HH)',
  'importcol.gender': 'Jenis kelamin: L atau P',
  'importcol.address': 'Alamat',
  'importcol.educationLevel': 'Pendidikan terakhir: NONE, SD, SMP, SMA, SMK, D1–D4, S1–S3',
  'importcol.issuedAt': 'Tanggal terbit kartu (TTTT-BB-HH)',
  'importcol.status': 'Status kartu: ACTIVE, EXPIRED, PLACED, atau REVOKED',
  'importcol.expiresAt': 'Tanggal berakhir (TTTT-BB-HH); kosong: 2 tahun setelah terbit',
  'importcol.nextReportDue': 'Wajib lapor berikutnya (kartu ACTIVE saja)',
  'importcol.maritalStatus': 'Status perkawinan: BELUM_KAWIN, KAWIN, CERAI_HIDUP, CERAI_MATI',
  'importcol.phone': 'Nomor HP',
  'importcol.kecamatanCode': 'Kode kecamatan Kemendagri, contoh 16.71.05',
  'importcol.major': 'Jurusan',
  'importcol.graduationYear': 'Tahun lulus',
  'importcol.skills': 'Keahlian, dipisahkan titik koma',
  'importcol.placementEmployerName': 'Tempat bekerja (kartu PLACED saja)',
  'importcol.placementStartDate': 'Tanggal mulai kerja/TMT (kartu PLACED saja)',
  'importcol.statusReason': 'Alasan status, misalnya alasan pencabutan',
  'importerr.invalid': 'Isi kolom {column} tidak valid.',
  'importerr.required': 'Kolom {column} wajib diisi.',
  'importerr.checkDigit': 'Nomor kartu 13 digit ini salah angka pemeriksanya (digit terakhir). Periksa kembali.',
  'importerr.numberFormat':
    'Nomor kartu hanya boleh berisi huruf, angka, garis miring, spasi, titik, dan tanda hubung (paling banyak 32).',
  'importerr.birthDateFuture': 'Tanggal lahir harus sebelum hari ini.',
  'importerr.status': 'Status harus salah satu dari {allowed}.',
  'importerr.dateFormat': 'Kolom {column} harus tanggal yang benar dengan format TTTT-BB-HH, contoh 2025-03-14.',
  'importerr.issuedFuture': 'Tanggal terbit tidak boleh di masa depan.',
  'importerr.expiresBeforeIssue': 'Tanggal berakhir harus setelah tanggal terbit.',
  'importerr.activePastExpiry': 'Kartu ACTIVE tidak boleh sudah lewat tanggal berakhirnya: impor sebagai EXPIRED.',
  'importerr.reportDueNotActive': 'Wajib lapor berikutnya hanya untuk kartu ACTIVE.',
  'importerr.reportDueRange':
    'Wajib lapor berikutnya harus setelah tanggal terbit dan tidak melewati tanggal berakhir.',
  'importerr.placementNotPlaced': 'Kolom penempatan hanya untuk kartu berstatus PLACED.',
  'importerr.tooLong': 'Kolom {column} paling banyak {max} karakter.',
  'importerr.fieldCount': 'Baris ini berisi {fields} kolom, padahal baris judul hanya menyebut {columns} kolom.',
  'importerr.duplicateNumber': 'Sudah ada kartu dengan nomor ini.',
  'importerr.alreadyHolds': 'Orang ini sudah memiliki kartu AK1 yang aktif atau sedang diajukan.',
  'importerr.nikRace': 'NIK ini baru saja didaftarkan bersamaan; impor baris ini sekali lagi.',
  'importerr.unknownColumn': 'Kolom "{column}" tidak dikenal.',
  'importerr.missingColumn': 'Kolom wajib "{column}" tidak ada.',
  'importerr.columnTwice': 'Ada kolom yang ditulis dua kali.',
  'importerr.csvSyntax': 'Berkas bukan CSV yang benar: periksa tanda kutip di baris {line}.',
};
