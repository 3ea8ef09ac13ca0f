import type { Role } from '../../../common/auth/auth-user.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';

export type NavItem = [href: string, key: MessageKey];

/** The main menu of each kind of visitor. */
export const NAV: Record<'public' | Role, NavItem[]> = {
  public: [
    ['/', 'nav.vacancies'],
    ['/cek-kartu', 'nav.cardCheck'],
    ['/daftar/pencari-kerja', 'nav.registerSeeker'],
    ['/daftar/perusahaan', 'nav.registerCompany'],
    ['/bantuan', 'nav.help'],
  ],
  seeker: [
    ['/saya/kartu', 'nav.myCard'],
    ['/', 'nav.vacancies'],
    ['/saya/rekomendasi', 'nav.recommendations'],
    ['/saya/lamaran', 'nav.myApplications'],
    ['/saya/profil', 'nav.profile'],
    ['/saya/sudah-bekerja', 'nav.hired'],
  ],
  employer: [
    ['/perusahaan', 'nav.company'],
    ['/perusahaan/lowongan', 'nav.ourVacancies'],
    ['/perusahaan/cek-kartu', 'nav.checkCard'],
    ['/perusahaan/penempatan', 'nav.directPlacement'],
    ['/perusahaan/staf', 'nav.staff'],
  ],
  officer: [
    ['/petugas', 'nav.dashboard'],
    ['/petugas/perusahaan', 'nav.employerQueue'],
    ['/petugas/kartu/permohonan', 'nav.cardQueue'],
    ['/petugas/kartu', 'nav.cardRegister'],
    ['/petugas/pencari-kerja/baru', 'nav.walkIn'],
    ['/petugas/kartu/impor', 'nav.cardImport'],
    ['/petugas/lowongan', 'nav.officerVacancies'],
    ['/petugas/penjangkauan', 'nav.outreach'],
    ['/petugas/pengiriman', 'nav.deliveries'],
    ['/petugas/ipk', 'nav.ipk'],
    ['/petugas/referensi', 'nav.reference'],
    ['/petugas/audit', 'nav.audit'],
    ['/petugas/kantor', 'nav.offices'],
  ],
};

/** Only for people still looking for work: a job seeker recorded as hired no longer sees them. */
const WHILE_LOOKING = new Set(['/saya/rekomendasi', '/saya/sudah-bekerja']);

/** The menu of this visitor. */
export function navOf(c: Pick<ConsoleContext, 'user' | 'seekerPlaced'>): NavItem[] {
  const items = NAV[c.user?.role ?? 'public'];
  return c.seekerPlaced ? items.filter(([href]) => !WHILE_LOOKING.has(href)) : items;
}

/**
 * Whether a menu entry is the current page: its own path, or a page below it that no more specific
 * entry claims (`/petugas/kartu/123` is under "Buku induk kartu"; `/petugas/kartu/permohonan`
 * has an entry of its own).
 */
export function isCurrent(items: NavItem[], href: string, here: string): boolean {
  if (here === href) return true;
  if (href === '/' || !here.startsWith(`${href}/`)) return false;
  return !items.some(([h]) => h !== href && h.startsWith(href) && here.startsWith(h));
}
