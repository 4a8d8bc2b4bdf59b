import { Textarea, type TextareaProps } from "@mantine/core";

/**
 * A textarea that grows with its text. The server draws it at the height it will have once the
 * page hydrates (its least rows, or as many lines as it already holds): without that, it grew on
 * hydration and pushed everything below it down, and a button pressed at that moment was let go
 * over something else — the click was lost (decision 043).
 */
export function GrowingTextarea({ minRows = 2, maxRows, ...props }: Omit<TextareaProps, "autosize" | "rows">) {
  const text = props.defaultValue ?? props.value;
  const lines = typeof text === "string" && text !== "" ? text.split("\n").length : 0;
  const rows = Math.min(Math.max(minRows, lines), maxRows ?? Number.POSITIVE_INFINITY);
  // The rows and the CSS variables draw the server's page at the hydrated height (app.css).
  const sizing = { "--growing-min-rows": minRows, ...(maxRows ? { "--growing-max-rows": maxRows } : {}) };
  return (
    <Textarea
      {...props}
      autosize
      minRows={minRows}
      maxRows={maxRows}
      rows={rows}
      classNames={{ input: "growing-textarea" }}
      styles={{ input: sizing }}
    />
  );
}
