export interface MonthPair {
  label: string;
  a: number;
  b: number;
}

export interface PairedColumnsProps {
  title: string;
  months: MonthPair[];
  legend: [string, string];
}

/** Paired columns per month (e.g. cards issued vs placements), with a legend, as inline SVG. */
export function PairedColumns({ title, months, legend }: PairedColumnsProps): JSX.Element {
  const colW = 16;
  const gap = 18;
  const groupW = colW * 2 + gap;
  const chartH = 140;
  const width = Math.max(300, months.length * groupW + 40);
  const height = chartH + 60;
  const top = 16; // room for the value labels above the tallest column
  const max = Math.max(1, ...months.flatMap((m) => [m.a, m.b]));
  const h = (v: number) => Math.round((chartH * v) / max);
  const base = chartH + 10;
  return (
    <svg
      class="chart"
      viewBox={`0 ${-top} ${width} ${height + top}`}
      width={width}
      height={height + top}
      role="img"
      aria-label={title}
    >
      <title safe>{title}</title>
      <line x1="30" y1={base} x2={width} y2={base} stroke="#1a1a1a" />
      {months.map((m, i) => {
        const x = 34 + i * groupW;
        return (
          <>
            <rect x={x} y={base - h(m.a)} width={colW} height={h(m.a)} fill="#0b4f8a" />
            <rect x={x + colW} y={base - h(m.b)} width={colW} height={h(m.b)} fill="#c77700" />
            <text x={x} y={chartH + 26} safe>
              {m.label}
            </text>
            <text x={x} y={chartH + 6 - h(Math.max(m.a, m.b))}>
              {m.a}/{m.b}
            </text>
          </>
        );
      })}
      <rect x="34" y={height - 16} width="12" height="12" fill="#0b4f8a" />
      <text x="50" y={height - 6} safe>
        {legend[0]}
      </text>
      <rect x={34 + 130} y={height - 16} width="12" height="12" fill="#c77700" />
      <text x={34 + 146} y={height - 6} safe>
        {legend[1]}
      </text>
    </svg>
  );
}
