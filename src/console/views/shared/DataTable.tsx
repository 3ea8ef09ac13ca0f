import { escapeHtml, type Children } from '@kitajs/html';

export interface Column {
  label: string;
  /** A numeric column, aligned right. */
  num?: boolean;
  /** A header read by screen readers only (an actions column). */
  hidden?: boolean;
}

export interface DataTableProps {
  columns: Column[];
  /** On phones, each row becomes a block (the header is hidden). */
  stacked?: boolean;
  caption?: string;
  /** What the table is, for screen readers when it has no caption (the region's name). */
  label?: string;
  /** The rows (`<tr>` elements). */
  children?: Children;
}

/** A table that scrolls sideways when it does not fit, with a simple one-row header. */
export function DataTable({ columns, stacked = true, caption, label, children }: DataTableProps): JSX.Element {
  // A named region only when there is a name: unnamed regions would be landmarks alike.
  const name = caption ?? label;
  return (
    // Focusable, so a table wider than the screen can be scrolled from the keyboard too.
    <div class="table-wrap" tabindex="0" role={name ? 'region' : undefined} aria-label={name}>
      <table class={stacked ? 'stacked' : undefined}>
        {caption ? (
          <caption class="meta" safe>
            {caption}
          </caption>
        ) : (
          ''
        )}
        <thead>
          <tr>
            {columns.map((col) => (
              <th class={col.num ? 'num' : undefined}>
                {col.hidden ? (
                  <span class="sr" safe>
                    {col.label}
                  </span>
                ) : (
                  escapeHtml(col.label)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
