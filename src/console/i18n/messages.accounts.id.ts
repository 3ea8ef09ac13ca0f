/**
 * Accounts: claim codes for walk-in job seekers, email verification, password reset. Spread into `ID`
 * (every key here must be in `messages.accounts.en.ts` too).
 */
export const ACCOUNTS_ID = {
  // Claim codes: the officer's side
  'claim.deskTitle': 'Akun daring',
  'claim.deskIntro':
    'Pencari kerja ini belum punya akun. Buat kode klaim agar ia dapat membuat akun sendiri dan memakai data yang sudah dicatat di loket.',
  'claim.deskHasLogin': 'Pencari kerja ini sudah punya akun daring.',
  'claim.issue': 'Buat kode klaim',
  'claim.issueConfirm': 'Buat kode klaim baru untuk {name}? Kode sebelumnya, bila ada, tidak berlaku lagi.',
  'claim.codeTitle': 'Kode klaim untuk {name}',
  'claim.codeLabel': 'Kode klaim',
  'claim.codeExpires': 'Berlaku sampai {when} (7 hari), hanya untuk sekali pakai.',
  'claim.codeGive':
    'Berikan kode ini kepada {name}. Dengan kode ini dan NIK-nya, ia dapat membuat akun di {url}. Kode ini tidak dapat ditampilkan lagi; bila hilang, buat kode baru.',
  'claim.back': 'Kembali ke data pencari kerja',
  // Claim codes: the seeker's side
  'claim.title': 'Klaim data pendaftaran Anda',
  'claim.intro':
    'Sudah pernah mendaftar di kantor Disnaker? Masukkan kode klaim dari petugas dan NIK Anda, lalu buat email dan kata sandi untuk akun Anda. Data yang sudah dicatat petugas tetap dipakai.',
  'claim.submit': 'Buat akun',
  'claim.registerHint': 'Sudah pernah mendaftar di kantor Disnaker?',
  'claim.registerLink': 'Buat akun dengan kode klaim dari petugas',
  'field.claimCode': 'Kode klaim',
  'hint.claimCode': '8 huruf dan angka dari petugas, misalnya K7PX-3QMA',
  'hint.claimNik': 'NIK yang tercatat di kantor Disnaker, 16 angka',
  'fielderr.claimCode': 'Tulis kode klaim dari petugas.',
  'fielderr.claim.nik': 'NIK harus 16 angka.',
  'ok.seekerClaimed': 'Akun Anda sudah dibuat dan tersambung dengan data pendaftaran Anda.',
  'error.INVALID_CLAIM_CODE':
    'Kode klaim atau NIK tidak cocok, atau kode sudah dipakai atau kedaluwarsa. Periksa kembali, atau minta kode baru kepada petugas.',
  'error.CLAIM_FAILURE_LIMIT': 'Terlalu banyak percobaan yang gagal dari jaringan ini. Coba lagi dalam satu jam.',
  'error.SEEKER_HAS_LOGIN': 'Pencari kerja ini sudah punya akun daring; kode klaim tidak diperlukan.',
  'auditAction.seeker.claimCodeIssued': 'Kode klaim akun dibuat',
  'auditAction.seeker.claimed': 'Akun daring dibuat dengan kode klaim',
  'auditSentence.seeker.claimCodeIssued': '{actor} membuat kode klaim akun untuk {seeker}.',
  'auditSentence.seeker.claimed': '{seeker} membuat akun daring dengan kode klaim.',

  // Email verification
  'verify.title': 'Verifikasi email',
  'verify.confirmIntro': 'Tekan tombol di bawah untuk memastikan bahwa email ini milik Anda.',
  'verify.confirm': 'Verifikasi email saya',
  'verify.done': 'Terima kasih, email Anda sudah terverifikasi.',
  'verify.invalid':
    'Tautan verifikasi ini tidak berlaku: mungkin sudah dipakai atau lewat 24 jam. Masuk, lalu minta tautan baru.',
  'verify.statusVerified': 'Email Anda ({email}) sudah terverifikasi.',
  'verify.statusUnverified':
    'Email Anda ({email}) belum terverifikasi. Kami dapat mengirim tautan verifikasi ke alamat itu.',
  'verify.resend': 'Kirim ulang tautan verifikasi',
  'verify.send': 'Kirim tautan verifikasi',
  'verify.signInFirst': 'Masuk untuk meminta tautan verifikasi.',
  'ok.verificationSent':
    'Tautan verifikasi sudah dikirim ke email Anda. Buka email itu dan ikuti tautannya (berlaku 24 jam).',
  'error.EMAIL_NOT_VERIFIED':
    'Sebelum mengajukan kartu atau melamar, pastikan dulu email Anda. Kami akan mengirim tautan verifikasi ke email Anda.',
  'error.INVALID_VERIFICATION_TOKEN':
    'Tautan verifikasi ini tidak berlaku: mungkin sudah dipakai atau lewat 24 jam. Minta tautan baru.',
  'error.EMAIL_VERIFICATION_LIMIT': 'Tautan verifikasi sudah beberapa kali dikirim. Coba lagi dalam satu jam.',

  // Password reset
  'reset.forgotLink': 'Lupa kata sandi?',
  'reset.requestTitle': 'Lupa kata sandi',
  'reset.requestIntro':
    'Tulis email akun Anda. Bila email itu terdaftar, kami mengirim tautan untuk membuat kata sandi baru.',
  'reset.requestSubmit': 'Kirim tautan',
  'reset.requested':
    'Bila email itu terdaftar, tautan untuk membuat kata sandi baru sudah kami kirim. Periksa kotak masuk (dan folder spam) Anda. Tautan berlaku 30 menit.',
  'reset.title': 'Buat kata sandi baru',
  'reset.intro': 'Tulis kata sandi baru untuk akun Anda.',
  'reset.submit': 'Simpan kata sandi',
  'reset.newPassword': 'Kata sandi baru',
  'reset.done': 'Kata sandi Anda sudah diganti. Silakan masuk dengan kata sandi baru.',
  'reset.invalid':
    'Tautan ini tidak berlaku: mungkin sudah dipakai, sudah diganti tautan yang lebih baru, atau lewat 30 menit. Minta tautan baru.',
  'reset.again': 'Minta tautan baru',
  'error.INVALID_RESET_TOKEN':
    'Tautan ini tidak berlaku: mungkin sudah dipakai, sudah diganti tautan yang lebih baru, atau lewat 30 menit. Minta tautan baru.',
  'signin.toSignIn': 'Masuk',
} as const;
