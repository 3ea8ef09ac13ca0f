import { Injectable } from '@nestjs/common';
import { ReferenceCodes } from '../reference/reference-codes.service.js';
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

/**
 * The names the IPK tables print beside each code: the office's code lists (inactive codes included, so
 * older records keep their names); a closed month keeps the names it was filed with.
 */
@Injectable()
export class ReportLabels {
  constructor(private readonly codes: ReferenceCodes) {}

  async forTables(): Promise<TableLabels> {
    const education = new Map((await this.codes.entries('education', true)).map((e) => [e.code, e.label]));
    const kindList = await this.codes.entries('employer-kinds', true);
    const kinds = new Map(kindList.map((e) => [e.code, e.label]));
    return {
      level: (c) => LEVELS[c],
      education: (c) => education.get(c),
      employerKind: (c) => kinds.get(c),
      employerKinds: kindList.filter((e) => e.active).map((e) => ({ code: e.code, label: e.label })),
    };
  }
}
