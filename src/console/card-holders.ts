import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PersonalData } from '../common/personal-data.js';
import { Seeker, toSeekerView } from '../seekers/seeker.entity.js';
import type { CardHolder } from './view-models/cards.js';

/**
 * The holders of a page of cards, for the officer's card lists: one query with an IN list instead of
 * one `SeekersService.get` per row. Read only, and the same view of a seeker (NIK decrypted, as in
 * GET /seekers/:id, which officers may see).
 */
@Injectable()
export class CardHolders {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly personal: PersonalData,
  ) {}

  async of(cards: readonly { seekerId: string }[]): Promise<Map<string, CardHolder>> {
    const ids = [...new Set(cards.map((c) => c.seekerId))];
    if (ids.length === 0) return new Map();
    const seekers = await this.ds.getRepository(Seeker).find({ where: { id: In(ids) } });
    return new Map(seekers.map((s) => [s.id, toSeekerView(s, this.personal.decrypt(s.nikEncrypted))]));
  }
}
