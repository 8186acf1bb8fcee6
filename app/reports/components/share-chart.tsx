/**
 * Shares of women and of youth as horizontal bars, drawn as SVG on the server. Women are a
 * solid dark bar, youth a hatched one, each with its figure written beside it, so the chart
 * reads in grey print and without colour. A suppressed share is written, not drawn.
 */
export interface ShareBar {
  label: string;
  women: number | null;
  youth: number | null;
}

const ROW = 52;
const LABEL_WIDTH = 120;
const BAR_WIDTH = 170;
const HATCH = "share-hatch";

export function ShareChart({
  bars,
  title,
  legend,
  suppressed,
}: {
  bars: ShareBar[];
  title: string;
  legend: { women: string; youth: string };
  suppressed: string;
}) {
  const height = bars.length * ROW + 34;
  const width = (share: number) => (Math.min(100, Math.max(0, share)) / 100) * BAR_WIDTH;
  const figure = (share: number | null) => (share === null ? suppressed : `${share} %`);
  return (
    <svg
      className="share-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}`}
      width="100%"
    >
      <title>{title}</title>
      <defs>
        <pattern
          id={HATCH}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} fill="#ffffff" />
          <rect width={2.5} height={6} fill="#444444" />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        return (
          <g key={i}>
            <text x={0} y={y + 14} fontSize={11}>
              {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 2}
              width={width(b.women ?? 0)}
              height={16}
              fill="#1b1b1b"
            />
            <text x={LABEL_WIDTH + width(b.women ?? 0) + 4} y={y + 14} fontSize={11}>
              {figure(b.women)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 22}
              width={width(b.youth ?? 0)}
              height={16}
              fill={`url(#${HATCH})`}
              stroke="#1b1b1b"
            />
            <text x={LABEL_WIDTH + width(b.youth ?? 0) + 4} y={y + 34} fontSize={11}>
              {figure(b.youth)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(0 ${height - 20})`}>
        <rect x={0} y={0} width={12} height={12} fill="#1b1b1b" />
        <text x={16} y={10} fontSize={11}>
          {legend.women}
        </text>
        <rect x={90} y={0} width={12} height={12} fill={`url(#${HATCH})`} stroke="#1b1b1b" />
        <text x={106} y={10} fontSize={11}>
          {legend.youth}
        </text>
      </g>
    </svg>
  );
}
