/**
 * One string per distinct value (decision 031): strings built per case (vector keys like "t12")
 * or read per row (taxonomy columns) repeat a few hundred values tens of thousands of times.
 */
export function interner() {
  const seen = new Map<string, string>();
  return (s: string) => {
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    seen.set(s, s);
    return s;
  };
}
