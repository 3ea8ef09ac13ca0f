import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CardView } from '../cards/card-view.js';
import { CardsService } from '../cards/cards.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { forbidden } from '../common/domain-error.js';
import { Transactions } from '../database/transactions.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';

/**
 * The other way a job search ends (HireService is the first): the holder is no longer looking for work.
 * `POST /cards/:id/withdraw`, by the holder or by an officer recording it for them at the counter, in one
 * transaction:
 *
 *   the card becomes WITHDRAWN (CardsService: one conditional update; the NIK's place released); every
 *   undecided application of the seeker closes (SEEKER_WITHDRAWN), as a hire closes them; the holder
 *   leaves the register as REMOVED today (IPK III/1), the monthly roll-up last, like a hire's.
 *
 * Rows are taken in the hire's order — card, then applications, then the roll-up — so a withdrawal and a
 * hire of the same seeker queue on the card instead of deadlocking: whichever updates it first wins, and
 * the other finds it no longer ACTIVE (a hire from an application then finds the application closed; a
 * direct placement finds the card it checked gone, HireService `checkedCardId`).
 */
@Injectable()
export class WithdrawalService {
  constructor(
    private readonly tx: Transactions,
    private readonly cards: CardsService,
    private readonly applications: ApplicationsService,
    private readonly statistics: LabourStatistics,
    private readonly audit: AuditService,
  ) {}

  async withdraw(actor: AuthUser, cardId: string, reason: string): Promise<CardView> {
    if (actor.role !== 'seeker' && actor.role !== 'officer') throw forbidden();
    return this.tx.run(async (m) => {
      const { card, events } = await this.audit.batch(m, async () => {
        const withdrawn = await this.cards.withdraw(m, actor, cardId, reason);
        await this.applications.closeUndecided(m, { seekerId: withdrawn.seekerId }, 'SEEKER_WITHDRAWN', actor);
        return withdrawn;
      });
      await this.statistics.rollUp(m, events);
      return card;
    });
  }
}
