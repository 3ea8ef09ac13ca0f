import type { AuditEventView } from '../../../audit/audit-query.service.js';
import type { AuditSubjects } from '../../audit-names.js';
import type { MessageKey, Translator } from '../../i18n/i18n.js';
import { SEEKER_LABEL_KEYS, VACANCY_LABEL_KEYS } from '../shared/labels.js';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The fields an edit changed, by their labels on the forms ("Gaji terendah, Batas lamaran"). */
function changedFields(t: Translator, e: AuditEventView): string {
  const keys = Array.isArray(e.after?.fields) ? (e.after.fields as unknown[]) : Object.keys(e.after ?? {});
  const labels: Record<string, MessageKey> = {
    ...SEEKER_LABEL_KEYS,
    ...VACANCY_LABEL_KEYS,
    experience: 'experience.title',
  };
  const named = keys.filter((k): k is string => typeof k === 'string' && k in labels).map((k) => t(labels[k]));
  return named.length ? named.join(', ') : t('audit.someFields');
}

/**
 * One audit event as a sentence in the officer's language, with names instead of ids:
 * "Rina Petugas menyetujui kartu AK1 Siti Rahmawati dengan nomor 1671-26-000001-0." An action
 * without a sentence of its own still reads as words: who, what (the action's label), about what.
 */
export function auditSentence(t: Translator, e: AuditEventView, s: AuditSubjects): string {
  const none = t('audit.unknownName');
  const actor = s.actor ?? (e.actorRole && e.actorRole !== 'system' ? t.label('role', e.actorRole) : t('audit.system'));
  const after = e.after ?? {};
  const params = {
    actor,
    user: s.user ?? none,
    employer: s.employer ?? none,
    seeker: s.seeker ?? none,
    vacancy: s.vacancy ?? none,
    card: s.card ?? t('audit.noNumber'),
    date: t.date(text(after.startDate) ?? text(after.nextReportDue)),
    fields: changedFields(t, e),
    status: t.label('vacancy', text(after.status)),
    closedReason: t.label('closedReason', text(after.closedReason)),
  };
  let action = e.action;
  // Who registered a job seeker: the person themself online, or an officer at the counter.
  if (action === 'seeker.registered' && after.channel === 'WALK_IN') action = 'seeker.registeredWalkIn';
  if (action === 'application.consent_changed')
    action = after.shareContact ? 'application.consentGiven' : 'application.consentWithdrawn';
  const key = `auditSentence.${action}`;
  const sentence = t.has(key)
    ? t(key as MessageKey, params)
    : t('auditSentence.other', {
        actor,
        what: t.has(`auditAction.${e.action}`) ? t.label('auditAction', e.action) : t('audit.otherAction'),
        object:
          `${t.has(`entity.${e.entityType}`) ? t.label('entity', e.entityType) : ''} ${s.vacancy ?? s.employer ?? s.seeker ?? s.user ?? s.card ?? ''}`.trim(),
      });
  const reason = text(after.reason) ?? text(after.note);
  return reason ? `${sentence} ${t('auditSentence.reason', { reason })}` : sentence;
}
