import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { notFound } from '../common/domain-error.js';
import { ReportScopes, type ReportScope } from '../monitoring/report-scope.js';
import { OfficesService } from '../offices/offices.service.js';
import type { ReportPlace } from './views/officer/OfficePicker.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The office a console report page is about, from its query (`officeId`, `scope=aggregate`), resolved
 * by the API's `ReportScopes`: the officer's own office by default; an office outside the officer's part
 * of the tree, or anything that is not an office id, is not found (the console's 404 page). A city asked
 * as an aggregate is shown alone (nothing is below it: its sum is itself); another `scope` is the office alone.
 */
@Injectable()
export class ReportPlaces {
  constructor(
    private readonly scopes: ReportScopes,
    private readonly offices: OfficesService,
  ) {}

  async resolve(actor: AuthUser, query: Record<string, unknown>): Promise<{ scope: ReportScope; place: ReportPlace }> {
    const own = this.offices.officeOf(actor);
    // An empty choice is no choice (the officer's own office); anything else must be an office id.
    const asked = query.officeId === '' ? undefined : query.officeId;
    if (asked !== undefined && (typeof asked !== 'string' || !UUID.test(asked))) throw notFound('The office');
    const id = asked?.toLowerCase();
    const visible = await this.offices.subtree(own);
    const office = visible.find((o) => o.id === (id ?? own));
    const aggregate = query.scope === 'aggregate' && !!office && office.level !== 'CITY';
    const scope = await this.scopes.resolve(actor, {
      ...(id ? { officeId: id } : {}),
      ...(aggregate ? { scope: 'aggregate' as const } : {}),
    });
    const choices = visible.length > 1 ? visible.map((o) => ({ id: o.id, name: o.name })) : null;
    const carried: Record<string, string> = {};
    if (scope.office.id !== own) carried.officeId = scope.office.id;
    if (scope.aggregate) Object.assign(carried, { officeId: scope.office.id, scope: 'aggregate' });
    return {
      scope,
      place: {
        officeId: scope.office.id,
        officeName: scope.office.name,
        aggregate: scope.aggregate,
        own: scope.office.id === own,
        choices,
        query: carried,
      },
    };
  }
}
