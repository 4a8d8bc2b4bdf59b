// Small numbers identify people: an executive never sees a count below the threshold.
export const EXEC_MIN_CELL = 3;

export type ShownCount = { value: number | null; text: string };

export function showCount(count: number, suppress: boolean, min = EXEC_MIN_CELL): ShownCount {
  if (suppress && count > 0 && count < min) return { value: null, text: `<${min}` };
  return { value: count, text: count.toLocaleString("en-US") };
}
