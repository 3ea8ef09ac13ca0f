import { PersonalData } from '../../src/common/personal-data';
import type { TestApp } from '../support/app';

/**
 * The tokens of the account mails written for a user (PASSWORD_RESET, EMAIL_VERIFICATION), read from the
 * `notifications` rows (sealed with DATA_KEY), with the id of the `account_tokens` row each is for
 * (the subject's suffix), oldest first. Quicker than a mail server for the many cases of the specs;
 * account-mails.e2e-spec.ts reads the links from real mails (SmtpInbox) end to end.
 */
export async function mailedTokens(
  t: TestApp,
  userId: string,
  kind: 'PASSWORD_RESET' | 'EMAIL_VERIFICATION',
): Promise<{ tokenId: string; token: string; params: Record<string, string> }[]> {
  const rows: { subject: string; params: string }[] = await t.ds.query(
    "SELECT n.subject, n.params FROM notifications n JOIN account_tokens a ON a.id = SUBSTR(n.subject, INSTR(n.subject, ':') + 1) WHERE n.user_id = ? AND n.kind = ? ORDER BY a.created_at, a.id",
    [userId, kind],
  );
  const personal = t.app.get(PersonalData);
  return rows.map((r) => {
    const params = JSON.parse(personal.decrypt(r.params)) as Record<string, string>;
    return { tokenId: r.subject.slice(r.subject.indexOf(':') + 1), token: params.token, params };
  });
}

/** The token of the most recent mail of this kind (the only one that still works). */
export async function lastMailedToken(t: TestApp, userId: string, kind: 'PASSWORD_RESET' | 'EMAIL_VERIFICATION') {
  const all = await mailedTokens(t, userId, kind);
  if (all.length === 0) throw new Error(`no ${kind} mail for ${userId}`);
  // Rows made in the same millisecond: the live one is the unspent one.
  const live: { id: string }[] = await t.ds.query(
    'SELECT id FROM account_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL',
    [userId, kind],
  );
  return all.find((m) => live.some((l) => l.id === m.tokenId)) ?? all[all.length - 1];
}
