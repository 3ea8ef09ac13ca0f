/** A share 0..1 as a horizontal gauge, with its text (e.g. "Tingkat partisipasi: 42,5%"). */
export function Gauge({ title, share, text }: { title: string; share: number; text: string }): JSX.Element {
  const width = 320;
  const filled = Math.round(width * Math.max(0, Math.min(1, share)));
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} 44`}
      width={width}
      height="44"
      role="img"
      aria-label={`${title}: ${text}`}
    >
      <title safe>{`${title}: ${text}`}</title>
      <rect x="0" y="4" width={width} height="22" fill="#e3e7eb" stroke="#1a1a1a" />
      <rect x="0" y="4" width={filled} height="22" fill="#1d6b2c" />
      <text x="4" y="40" safe>
        {text}
      </text>
    </svg>
  );
}
