import { Injectable } from '@nestjs/common';
import type { TableLabels } from './ipk-tables.js';

const LEVELS: Record<string, string> = {
  NONE: 'Tidak/belum tamat SD',
  SD: 'SD/sederajat',
  SMP: 'SMP/sederajat',
  SMA: 'SMA/sederajat',
  SMK: 'SMK',
  D1: 'Diploma I',
  D2: 'Diploma II',
  D3: 'Diploma III',
  D4: 'Diploma IV',
  S1: 'Sarjana (S1)',
  S2: 'Magister (S2)',
  S3: 'Doktor (S3)',
};

/** The names the IPK tables print beside each code (the office's code lists). */
@Injectable()
export class ReportLabels {
  forTables(): Promise<TableLabels> {
    return Promise.resolve({
      level: (c) => LEVELS[c],
      education: () => undefined,
      employerKind: () => undefined,
    });
  }
}
