import { layoutChain } from "~/domain/briefs/diagram";
import type { MergedLink } from "~/domain/briefs/types";

const FILL: Record<string, string> = { root: "#e6fcf5", step: "#ffffff", behaviour: "#fff4e6", outcome: "#fff5f5" };
const STROKE: Record<string, string> = { root: "#087f5b", step: "#495057", behaviour: "#d9480f", outcome: "#c92a2a" };

/** The cause-and-effect chain as an SVG: the same drawing on screen and on paper. */
export function ChainDiagram({ links, width = 880 }: { links: MergedLink[]; width?: number }) {
  const d = layoutChain(links, { width });
  return (
    <svg
      viewBox={`0 0 ${d.width} ${d.height}`}
      width="100%"
      style={{ maxWidth: d.width, display: "block" }}
      role="img"
      aria-label={`Cause and effect: ${links.map((l) => l.text).join(", then ")}`}
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#495057" />
        </marker>
      </defs>
      {d.arrows.map((a) => (
        <polyline key={`${a.from}-${a.to}`} points={a.points.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke="#495057" strokeWidth={1.5} markerEnd="url(#arrow)" />
      ))}
      {d.boxes.map((b, i) => (
        <g key={i}>
          <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} fill={FILL[b.kind] ?? "#fff"} stroke={STROKE[b.kind] ?? "#495057"} strokeWidth={b.single ? 1 : 2} strokeDasharray={b.single ? "4 3" : undefined} />
          {b.lines.map((line, li) => (
            <text key={li} x={b.x + 10} y={b.y + 10 + (li + 1) * 17 - 4} fontSize={13} fill="#1f2933" fontWeight={b.kind === "root" ? 700 : 500}>
              {line}
            </text>
          ))}
          <text x={b.x + 10} y={b.y + 10 + (b.lines.length + 1) * 17 - 4} fontSize={11} fill="#495057">
            {b.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
