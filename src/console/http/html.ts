/**
 * A tiny, typed alternative to a template engine: `html\`<p>${name}</p>\`` escapes every
 * interpolated value unless it is already markup (another `html` result or `raw(...)`). Arrays are
 * rendered item by item; `null`, `undefined` and `false` render as nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export type Renderable = SafeHtml | string | number | boolean | null | undefined | Renderable[];

function render(v: Renderable): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Markup produced by trusted code (an SVG from the QR library, a stylesheet). Never user input. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
