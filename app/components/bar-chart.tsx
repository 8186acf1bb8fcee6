/**
 * A horizontal bar chart drawn as SVG on the server: no client JavaScript, prints crisply,
 * and each bar is split into online and in-person votes.
 */
export interface Bar {
  label: string;
  online: number;
  inPerson: number;
}

const ROW = 44;
/**
 * Online votes are solid dark green; show-of-hands votes are a light hatch with an outline, so
 * the two series stay apart printed in grey or seen without colour (not hue alone). The legend
 * uses the same fills. One chart per page, so a fixed pattern id is unique.
 */
export const ONLINE_FILL = "#1f5e3a";
export const HATCH_ID = "bar-hatch-in-person";
const IN_PERSON_FILL = `url(#${HATCH_ID})`;
const IN_PERSON_INK = "#8a4b08";
const LABEL_WIDTH = 110;
const CHART_WIDTH = 180;

export function BarChart({
  bars,
  title,
  legend,
}: {
  bars: Bar[];
  title: string;
  legend: { online: string; inPerson: string };
}) {
  const max = Math.max(1, ...bars.map((b) => b.online + b.inPerson));
  const height = bars.length * ROW + 36;
  const scale = (n: number) => (n / max) * CHART_WIDTH;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + 50} ${height}`}
      width="100%"
    >
      <title>{title}</title>
      <defs>
        <pattern
          id={HATCH_ID}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} fill="#ffffff" />
          <rect width={2.5} height={6} fill={IN_PERSON_INK} />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const total = b.online + b.inPerson;
        return (
          <g key={i}>
            <text x={0} y={y + 22} fontSize={14} fill="#1b1f1c">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
            <rect
              className="series-online"
              x={LABEL_WIDTH}
              y={y + 6}
              width={scale(b.online)}
              height={24}
              fill={ONLINE_FILL}
            />
            {b.inPerson > 0 ? (
              <rect
                className="series-in-person"
                x={LABEL_WIDTH + scale(b.online)}
                y={y + 6}
                width={scale(b.inPerson)}
                height={24}
                fill={IN_PERSON_FILL}
                stroke={IN_PERSON_INK}
                strokeWidth={1}
              />
            ) : null}
            <text x={LABEL_WIDTH + scale(total) + 6} y={y + 23} fontSize={14} fill="#1b1f1c">
              {total}
            </text>
          </g>
        );
      })}
      <g transform={`translate(0, ${bars.length * ROW + 12})`}>
        <rect className="legend-online" width={14} height={14} fill={ONLINE_FILL} />
        <text x={20} y={12} fontSize={13} fill="#1b1f1c">
          {legend.online}
        </text>
        <rect
          className="legend-in-person"
          x={95}
          width={14}
          height={14}
          fill={IN_PERSON_FILL}
          stroke={IN_PERSON_INK}
          strokeWidth={1}
        />
        <text x={115} y={12} fontSize={13} fill="#1b1f1c">
          {legend.inPerson}
        </text>
      </g>
    </svg>
  );
}
