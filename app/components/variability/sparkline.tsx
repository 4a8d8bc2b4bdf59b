// A tiny inline trend line with its values as the text alternative (screen readers and print
// get the numbers; the line is for the eye). Periods without a figure leave a gap.

type Point = { period: string; value: number | null };

export function Sparkline({ points, label, format }: { points: Point[]; label: string; format: (v: number) => string }) {
  const known = points.filter((p): p is { period: string; value: number } => p.value !== null);
  const text = `${label}: ${points.map((p) => `${p.period} ${p.value === null ? "not shown" : format(p.value)}`).join(", ")}`;
  const w = 56;
  const h = 18;
  if (known.length === 0) return <span role="img" aria-label={text} />;
  const lo = Math.min(...known.map((p) => p.value));
  const hi = Math.max(...known.map((p) => p.value));
  const x = (i: number) => (points.length === 1 ? w / 2 : 2 + (i * (w - 4)) / (points.length - 1));
  const y = (v: number) => (hi === lo ? h / 2 : h - 2 - ((v - lo) / (hi - lo)) * (h - 4));
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={text} style={{ verticalAlign: "middle", flexShrink: 0 }}>
      <title>{text}</title>
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="var(--mantine-color-blue-8)" strokeWidth={1.5} />
      ))}
      {points.map((p, i) => (p.value === null ? null : <circle key={p.period} cx={x(i)} cy={y(p.value)} r={1.8} fill="var(--mantine-color-blue-8)" />))}
    </svg>
  );
}
