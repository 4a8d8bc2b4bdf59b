import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from "react";

// Mantine's <Button variant="default"> as the markup it renders, without the component: its
// props, styles API and variables cost ~40 µs a button on the server, and a theme card can
// hold dozens of re-file buttons (issue 18, decision 046; as PlainBadge, decision 041). Same
// classes, variables and attributes, so it looks and hydrates the same; plain-button.test.ts
// compares the two for each size used.

export type PlainButtonSize = "xs" | "compact-xs";

const VARS: Record<PlainButtonSize, CSSProperties> = Object.fromEntries(
  (["xs", "compact-xs"] as const).map((size) => [
    size,
    {
      "--button-height": `var(--button-height-${size})`,
      "--button-padding-x": `var(--button-padding-x-${size})`,
      "--button-fz": "var(--mantine-font-size-xs)",
      "--button-bg": "var(--mantine-color-default)",
      "--button-hover": "var(--mantine-color-default-hover)",
      "--button-color": "var(--mantine-color-default-color)",
      "--button-bd": "calc(0.0625rem * var(--mantine-scale)) solid var(--mantine-color-default-border)",
    } as CSSProperties,
  ]),
) as Record<PlainButtonSize, CSSProperties>;

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "style" | "className" | "children"> & { size: PlainButtonSize; children: ReactNode };

export function PlainButton({ size, children, ...rest }: Props) {
  return (
    <button style={VARS[size]} className="mantine-focus-auto mantine-active m_77c9d27d mantine-Button-root m_87cf2631 mantine-UnstyledButton-root" data-variant="default" data-size={size} type="button" {...rest}>
      <span className="m_80f1301b mantine-Button-inner">
        <span className="m_811560b9 mantine-Button-label">{children}</span>
      </span>
    </button>
  );
}
