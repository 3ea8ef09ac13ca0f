import { escapeHtml, type Children } from '@kitajs/html';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  kind: NoticeKind;
  role?: 'status' | 'alert';
  /** Plain text (escaped); or markup as children. */
  text?: string;
  children?: Children;
}

/** A boxed message; errors are announced at once (role alert), the rest politely (role status). */
export function Notice({ kind, role, text, children }: NoticeProps): JSX.Element {
  return (
    <div class={`notice ${kind}`} role={role ?? (kind === 'error' ? 'alert' : 'status')}>
      {text === undefined ? children : escapeHtml(text)}
    </div>
  );
}
