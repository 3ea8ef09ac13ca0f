import { DOCUMENT_TYPES } from '../../../config/config.js';
import type { DocumentsView, DocumentView } from '../../../documents/documents.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { CsrfField } from './CsrfField.js';
import { Hidden } from './Hidden.js';
import { Notice } from './Notice.js';
import { PostButton } from './PostButton.js';
import { ReasonForm } from './ReasonForm.js';

export interface DocumentsPanelProps {
  c: ConsoleContext;
  docs: DocumentsView;
  /** The seeker's own page, or an officer's review (view, verify, reject with a reason). */
  mode: 'seeker' | 'officer';
  /** Where the upload form posts (`/saya/dokumen`, `/petugas/pencari-kerja/<id>/dokumen`). */
  uploadAction: string;
  /** Where a document's file is read (`/saya/dokumen`, `/petugas/dokumen`) + `/<id>`. */
  fileBase: string;
  /** The page to come back to after an action. */
  back: string;
}

const typeName = (c: ConsoleContext, type: string) => c.t(`doc.type.${type}` as MessageKey);
const requirementName = (c: ConsoleContext, requirement: string) =>
  requirement
    .split('|')
    .map((type) => typeName(c, type))
    .join(c.t('doc.or'));

/** One upload form: a file from the camera or the phone's files, its type fixed or chosen. */
function UploadForm(p: DocumentsPanelProps & { types: string[]; label: string; id: string }): JSX.Element {
  const { c } = p;
  return (
    <form method="post" action={p.uploadAction} enctype="multipart/form-data" class="stack upload">
      <CsrfField c={c} />
      <Hidden name="back" value={p.back} />
      {p.types.length === 1 ? (
        <Hidden name="type" value={p.types[0]} />
      ) : (
        <div class="field">
          <label for={`${p.id}-type`} safe>
            {c.t('doc.type')}
          </label>
          <select id={`${p.id}-type`} name="type" required>
            {p.types.map((type) => (
              <option value={type} safe>
                {typeName(c, type)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`${p.id}-file`} safe>
          {c.t('doc.file')}
        </label>
        <input type="file" id={`${p.id}-file`} name="file" accept="image/*,application/pdf" required />
      </div>
      <button class="btn secondary" type="submit" safe>
        {p.label}
      </button>
    </form>
  );
}

/** A document as a line: its type, status (and why it was rejected), a link to it, the officer's decisions. */
function DocumentLine(p: DocumentsPanelProps & { doc: DocumentView }): JSX.Element {
  const { c, doc } = p;
  return (
    <div class="document">
      <p>
        <strong safe>{typeName(c, doc.type)}</strong>
        {' — '}
        <span safe>{c.t(`doc.status.${doc.status}` as MessageKey)}</span>
        {doc.purgedAt ? (
          ''
        ) : (
          <>
            {' · '}
            <a href={`${p.fileBase}/${doc.id}`} target="_blank" rel="noopener" safe>
              {c.t('doc.view')}
            </a>
          </>
        )}
      </p>
      {doc.purgedAt ? (
        <p class="hint" safe>
          {c.t('doc.purged', { days: p.docs.rejectedRetentionDays })}
        </p>
      ) : (
        ''
      )}
      {doc.status === 'REJECTED' && doc.rejectReason ? (
        <p class="hint" safe>
          {c.t('doc.rejectedBecause', { reason: doc.rejectReason })}
        </p>
      ) : (
        ''
      )}
      {p.mode === 'officer' ? (
        <div class="actions">
          {doc.status === 'SUBMITTED' ? (
            <PostButton
              c={c}
              action={`/petugas/dokumen/${doc.id}/verifikasi`}
              label={c.t('doc.verify')}
              hidden={{ back: p.back }}
            />
          ) : (
            ''
          )}
          {doc.status !== 'REJECTED' ? (
            <ReasonForm
              c={c}
              action={`/petugas/dokumen/${doc.id}/tolak`}
              button={c.t('doc.reject')}
              hidden={{ back: p.back }}
            />
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
    </div>
  );
}

/**
 * The documents checklist (docs/documents.md): each requirement with what is missing, what was rejected
 * and why, an upload form per requirement, and any other documents; phone-friendly (camera or files).
 */
export function DocumentsPanel(p: DocumentsPanelProps): JSX.Element {
  const { c, docs } = p;
  const missing = docs.checklist.filter((r) => !r.satisfied).map((r) => requirementName(c, r.requirement));
  const listed = new Set<string>();
  return (
    <section class="documents" id="dokumen">
      <h2 safe>{c.t('doc.title')}</h2>
      <p safe>{c.t(p.mode === 'seeker' ? 'doc.intro' : 'doc.officerIntro')}</p>
      {docs.checklist.length === 0 ? (
        <p safe>{c.t('doc.noChecklist')}</p>
      ) : missing.length === 0 ? (
        <Notice kind="success" text={c.t('doc.complete')} />
      ) : (
        <Notice kind="warning" text={c.t('doc.incomplete', { missing: missing.join(', ') })} />
      )}
      {docs.checklist.map((r, i) => {
        const types = r.requirement.split('|');
        const held = docs.items.filter((d) => types.includes(d.type));
        held.forEach((d) => listed.add(d.id));
        return (
          <div class="requirement">
            <h3 safe>{requirementName(c, r.requirement)}</h3>
            {held.length === 0 ? <p safe>{c.t('doc.missing')}</p> : ''}
            {held.map((doc) => (
              <DocumentLine {...p} doc={doc} />
            ))}
            <UploadForm
              {...p}
              types={types}
              id={`doc-${i}`}
              label={c.t(held.length ? 'doc.uploadAgain' : 'doc.upload')}
            />
          </div>
        );
      })}
      {docs.items
        .filter((d) => !listed.has(d.id))
        .map((doc) => (
          <DocumentLine {...p} doc={doc} />
        ))}
      <details>
        <summary safe>{c.t('doc.other')}</summary>
        <UploadForm {...p} types={[...DOCUMENT_TYPES]} id="doc-other" label={c.t('doc.upload')} />
      </details>
    </section>
  );
}
