export interface Bar {
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  bars: Bar[];
  width?: number;
  color?: string;
  format?: (n: number) => string;
}

/**
 * Horizontal bars drawn as inline SVG on the server: no chart library, no external service, readable
 * without script and printable. Each chart has a title; the page shows the same numbers as text.
 */
export function BarChart({ title, bars, width = 480, color = '#0b4f8a', format = String }: BarChartProps) {
  const row = 26;
  const labelW = 150;
  const height = bars.length * row + 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title}>
      <title safe>{title}</title>
      {bars.map((b, i) => {
        const w = Math.round(((width - labelW - 60) * b.value) / max);
        const y = 5 + i * row;
        return (
          <>
            <text x="0" y={y + 16} safe>
              {b.label}
            </text>
            <rect x={labelW} y={y + 3} width={Math.max(w, 1)} height="18" fill={color} />
            <text x={labelW + w + 6} y={y + 16} safe>
              {format(b.value)}
            </text>
          </>
        );
      })}
    </svg>
  );
}
