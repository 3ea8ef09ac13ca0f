/**
 * Bahasa Indonesia texts of the seeker's answer to "are you still looking for work?" (issue 17): the
 * three choices on the card page and the message links, the withdraw form, and the WITHDRAWN status.
 * Spread into `ID` (messages.id.ts).
 */
export const STILL_LOOKING_ID = {
  'officer.withdrawForHolder': 'Catat: pemegang tidak lagi mencari kerja',
  'ok.cardWithdrawnForHolder': 'Kartu ditutup: pemegangnya tidak lagi mencari kerja.',
  'card.withdrawnReason': 'Alasan berhenti mencari kerja',
  'auditAction.card.withdrawn': 'Kartu ditutup: tidak lagi mencari kerja',
  'auditSentence.card.withdrawn':
    'Kartu AK1 {card} ({seeker}) ditutup oleh {actor}: pemegangnya tidak lagi mencari kerja.',
  'card.WITHDRAWN': 'Tidak lagi mencari kerja',
  'checkResult.WITHDRAWN': 'Pemegang kartu menyatakan tidak lagi mencari kerja. Kartu ini sudah tidak aktif.',
  'closedReason.SEEKER_WITHDRAWN': 'Anda menyatakan tidak lagi mencari kerja',
  'ok.cardWithdrawn':
    'Terima kasih telah memberi tahu kami. Kartu AK1 Anda sudah ditutup. Jika suatu saat Anda kembali mencari kerja, Anda dapat mengajukan kartu baru di halaman ini.',
  'still.title': 'Apakah Anda masih mencari kerja?',
  'still.intro':
    'Cukup pilih satu jawaban. Jawaban Anda membantu Disnaker mengetahui siapa yang masih membutuhkan bantuan mencari kerja.',
  'still.looking': 'Masih mencari kerja',
  'still.lookingHint': 'Lakukan lapor 6 bulanan agar kartu Anda tetap aktif.',
  'still.hired': 'Sudah bekerja',
  'still.hiredHint': 'Catat tempat kerja dan tanggal mulai bekerja Anda.',
  'still.stopped': 'Tidak lagi mencari kerja',
  'still.stoppedHint': 'Tutup kartu AK1 Anda. Anda dapat mengajukan kartu baru nanti.',
  'still.noCard':
    'Saat ini Anda tidak memiliki kartu AK1 yang aktif, jadi tidak ada yang perlu dijawab. Status kartu Anda ada di bawah ini.',
  'report.pageIntro':
    'Dengan melapor, Anda menyatakan masih mencari kerja. Kartu Anda tetap aktif dan jadwal lapor berikutnya diperbarui.',
  'withdraw.title': 'Tidak lagi mencari kerja',
  'withdraw.intro':
    'Jika Anda tidak lagi mencari kerja, Anda dapat menutup kartu AK1 Anda di sini. Mohon pilih alasan yang paling sesuai.',
  'withdraw.reason': 'Alasan',
  'withdraw.reason.SELF_EMPLOYED': 'Membuka usaha sendiri',
  'withdraw.reason.EDUCATION': 'Melanjutkan pendidikan',
  'withdraw.reason.FAMILY': 'Mengurus keluarga atau rumah tangga',
  'withdraw.reason.MOVED': 'Pindah ke luar daerah',
  'withdraw.reason.HEALTH': 'Alasan kesehatan',
  'withdraw.reason.OTHER': 'Lainnya',
  'withdraw.other': 'Alasan lainnya',
  'withdraw.otherHint': 'Isi bila Anda memilih "Lainnya" (3–500 karakter).',
  'withdraw.note':
    'Kartu AK1 Anda akan ditutup dan tidak dapat dipakai lagi untuk melamar atau ditunjukkan kepada perusahaan. Lamaran Anda yang masih menunggu keputusan juga ditutup. Anda dapat mengajukan kartu baru kapan saja bila kembali mencari kerja.',
  'withdraw.submit': 'Tutup kartu saya',
  'withdraw.confirm': 'Tutup kartu AK1 Anda sekarang?',
  'withdraw.back': 'Kembali ke kartu saya',
  'withdraw.pickReason': 'Pilih alasan, atau pilih "Lainnya" dan tuliskan alasan Anda (3–500 karakter).',
  'hired.prefilled': 'Kami mengisi sebagian formulir dari lamaran Anda. Periksa dan ubah bila perlu.',
};
