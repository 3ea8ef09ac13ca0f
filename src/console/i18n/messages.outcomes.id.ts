/**
 * Bahasa Indonesia texts added for issue 17 (closing the loop), the office's side: the dashboard's
 * "Kebenaran data register" panel and the outreach list's filter of employers that closed vacancies
 * without saying who they hired. Spread into `ID` (messages.id.ts).
 */
export const OUTCOMES_ID = {
  'outcomes.title': 'Kebenaran data register',
  'outcomes.intro':
    'Dari kartu AK1 yang berakhir dalam periode ini, berapa yang diketahui hasilnya: pemegangnya diterima bekerja ' +
    'atau menyatakan berhenti mencari kerja. Kartu yang habis masa berlakunya tanpa kabar tidak diketahui hasilnya.',
  'outcomes.cardsClosed': 'kartu berakhir dalam periode',
  'outcomes.placed': 'ditempatkan',
  'outcomes.withdrawn': 'berhenti mencari kerja',
  'outcomes.revoked': 'dicabut',
  'outcomes.expired': 'berakhir tanpa kabar',
  'outcomes.rate': 'Hasil diketahui',
  'outcomes.rateText': 'Hasil diketahui: {share} dari {n} kartu yang berakhir',
  'outcomes.byMonth': 'Kartu berakhir yang diketahui hasilnya, per bulan',
  'outcomes.byMonthNone': 'tidak ada kartu berakhir',
  'outcomes.vacancies': 'Lowongan yang ditutup',
  'outcomes.vacanciesClosed': 'lowongan ditutup dalam periode',
  'outcomes.vacanciesWithOutcome': 'terisi penuh atau dilaporkan hasilnya',
  'outcomes.vacanciesWithout': 'tanpa laporan siapa yang diterima',
  'outcomes.hiredWithoutAk1': 'lowongan yang diisi orang tanpa kartu AK1',
  'outcomes.silentLink': 'Perusahaan yang menutup lowongan tanpa melaporkan hasilnya',
  'outreach.silentClosures': 'Hanya perusahaan yang menutup lowongan tanpa melaporkan siapa yang diterima',
  'outreach.silentClosuresHint':
    'Perusahaan terverifikasi dengan lowongan yang ditutup dalam periode ini, posisinya belum terisi semua, dan ' +
    'belum melaporkan hasilnya — berpartisipasi atau tidak.',
  'outreach.silentCount': '{n} perusahaan menutup lowongan tanpa melaporkan hasilnya pada {from} – {to}',
  'campaign.silentClosures': 'Lowongan ditutup tanpa laporan hasil',
  'campaign.silentClosuresAny': 'Tidak dipilah',
  'campaign.silentClosuresTrue': 'Hanya yang menutup lowongan tanpa melaporkan hasilnya',
  'campaign.silentClosuresFalse': 'Hanya yang tidak',
  'campaign.silentClosuresHint': 'Dinilai dalam periode yang sama dengan partisipasi.',
  'fielderr.campaign.audience.silentClosures': 'Pilih salah satu pilihan dari daftar.',
};
