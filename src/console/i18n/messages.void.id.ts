/**
 * Bahasa Indonesia texts of voiding a placement recorded by mistake (issue 19): the placements on the
 * officer's card page and the employer's hire page, the "Batalkan penempatan" form with its confirmation,
 * the results and refusals, and the audit labels. Spread into `ID` (messages.id.ts).
 */
export const VOID_ID = {
  'placement.RECORDED': 'Tercatat',
  'placement.VOID': 'Dibatalkan',
  'voidPlacement.cardTitle': 'Penempatan yang dicatat dengan kartu ini',
  'voidPlacement.employerTitle': 'Penerimaan yang Anda catat',
  'voidPlacement.none': 'Belum ada penerimaan yang dicatat.',
  'voidPlacement.item': '{employer} sebagai {position}, mulai {date}',
  'voidPlacement.noPosition': 'jabatan tidak disebutkan',
  'voidPlacement.recordedOn': 'Dicatat pada {date}',
  'voidPlacement.voidedOn': 'Dibatalkan pada {date}',
  'voidPlacement.reasonLabel': 'Alasan pembatalan',
  'voidPlacement.button': 'Batalkan penempatan',
  'voidPlacement.reasonField': 'Mengapa penempatan ini keliru?',
  'voidPlacement.confirmOfficer':
    'Penempatan ini akan dibatalkan. Kartu AK1 pencari kerja kembali aktif (atau berstatus kedaluwarsa bila masa berlakunya sudah habis), lamarannya kembali ke tahap lolos seleksi berkas, dan posisi lowongan dibuka kembali. Pencari kerja dan perusahaan akan diberi tahu, dan pembatalan ini tercatat dalam jejak audit.',
  'voidPlacement.confirmEmployer':
    'Penerimaan ini akan dibatalkan karena tercatat keliru. Kartu AK1 pekerja kembali aktif, lamarannya kembali ke tahap lolos seleksi berkas, dan posisi lowongan dibuka kembali. Pekerja dan Disnaker akan mengetahui pembatalan ini.',
  'voidPlacement.confirmButton': 'Ya, batalkan penempatan',
  'voidPlacement.employerWindow':
    'Penerimaan dapat Anda batalkan sendiri dalam 7 hari sejak dicatat. Setelah itu, hubungi Disnaker.',
  'ok.placementVoided':
    'Penempatan dibatalkan. Kartu AK1, lamaran, dan lowongan sudah dikembalikan, dan pihak terkait sudah diberi tahu.',
  'error.ALREADY_VOID': 'Penempatan ini sudah dibatalkan sebelumnya.',
  'error.VOID_WINDOW_PASSED':
    'Penerimaan ini dicatat lebih dari 7 hari yang lalu, sehingga tidak dapat dibatalkan dari akun perusahaan. Silakan hubungi Disnaker.',
  'error.PLACEMENT_SUPERSEDED':
    'Penempatan ini tidak dapat dibatalkan karena pencari kerja sudah memiliki kartu baru atau penempatan yang lebih baru.',
  'auditAction.placement.voided': 'Penempatan dibatalkan',
  'auditAction.card.placement-voided': 'Kartu dibuka kembali: penempatan dibatalkan',
  'auditAction.application.hire-voided': 'Penerimaan pelamar dibatalkan',
  'auditAction.vacancy.reopened': 'Lowongan dibuka kembali',
  'auditAction.seeker.placement-voided': 'Pencari kerja aktif lagi: penempatan dibatalkan',
} as const;
