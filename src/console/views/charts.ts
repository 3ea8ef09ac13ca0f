import { html, type SafeHtml } from '../http/html.js';

export interface Bar {
  label: string;
  value: number;
}

/**
 * Charts drawn as inline SVG on the server: no chart library, no external service, readable without
 * script and printable. Each chart has a title and a text equivalent (the table next to it).
 */
export function barChart(title: string, bars: Bar[], opts: { width?: number; color?: string; format?: (n: number) => string } = {}): SafeHtml {
  const width = opts.width ?? 480;
  const row = 26;
  const labelW = 150;
  const height = bars.length * row + 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const fmt = opts.format ?? ((n: number) => String(n));
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}">
    <title>${title}</title>
    ${bars.map((b, i) => {
      const w = Math.round(((width - labelW - 60) * b.value) / max);
      const y = 5 + i * row;
      return html`<text x="0" y="${y + 16}">${b.label}</text><rect x="${labelW}" y="${y + 3}" width="${Math.max(w, 1)}" height="18" fill="${opts.color ?? '#0b4f8a'}"/><text x="${labelW + w + 6}" y="${y + 16}">${fmt(b.value)}</text>`;
    })}
  </svg>`;
}

/** Paired columns per month (e.g. cards issued vs placed), with a legend. */
export function pairedColumns(title: string, months: { label: string; a: number; b: number }[], legend: [string, string]): SafeHtml {
  const colW = 16;
  const gap = 18;
  const groupW = colW * 2 + gap;
  const chartH = 140;
  const width = Math.max(300, months.length * groupW + 40);
  const height = chartH + 60;
  const top = 16; // room for the value labels above the tallest column
  const max = Math.max(1, ...months.flatMap((m) => [m.a, m.b]));
  const h = (v: number) => Math.round((chartH * v) / max);
  return html`<svg class="chart" viewBox="0 ${-top} ${width} ${height + top}" width="${width}" height="${height + top}" role="img" aria-label="${title}">
    <title>${title}</title>
    <line x1="30" y1="${chartH + 10}" x2="${width}" y2="${chartH + 10}" stroke="#1a1a1a"/>
    ${months.map((m, i) => {
      const x = 34 + i * groupW;
      return html`<rect x="${x}" y="${chartH + 10 - h(m.a)}" width="${colW}" height="${h(m.a)}" fill="#0b4f8a"/><rect x="${x + colW}" y="${chartH + 10 - h(m.b)}" width="${colW}" height="${h(m.b)}" fill="#c77700"/>
        <text x="${x}" y="${chartH + 26}">${m.label}</text><text x="${x}" y="${chartH + 6 - h(Math.max(m.a, m.b))}">${m.a}/${m.b}</text>`;
    })}
    <rect x="34" y="${height - 16}" width="12" height="12" fill="#0b4f8a"/><text x="50" y="${height - 6}">${legend[0]}</text>
    <rect x="${34 + 130}" y="${height - 16}" width="12" height="12" fill="#c77700"/><text x="${34 + 146}" y="${height - 6}">${legend[1]}</text>
  </svg>`;
}

/** A share 0..1 as a horizontal gauge. */
export function gauge(title: string, share: number, text: string): SafeHtml {
  const width = 320;
  const filled = Math.round(width * Math.max(0, Math.min(1, share)));
  return html`<svg class="chart" viewBox="0 0 ${width} 44" width="${width}" height="44" role="img" aria-label="${title}: ${text}">
    <title>${title}: ${text}</title>
    <rect x="0" y="4" width="${width}" height="22" fill="#e3e7eb" stroke="#1a1a1a"/>
    <rect x="0" y="4" width="${filled}" height="22" fill="#1d6b2c"/>
    <text x="4" y="40">${text}</text>
  </svg>`;
}
