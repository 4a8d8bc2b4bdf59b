import type { CSSProperties, ReactNode } from "react";

// Mantine's <Badge> as the markup it renders, without the component: resolving its props,
// styles API and colour variables cost ~20 µs a badge, and the case list shows ~75 of them a
// page (issue 18, decision 041). Same classes, variables and attributes, so the page looks and
// hydrates the same; plain-badge.test.ts compares the two for every colour and variant used.

export type BadgeVariant = "light" | "outline" | "filled";

const BORDER = "calc(0.0625rem * var(--mantine-scale))";

/** Mantine's default variant colours for a theme colour ("teal") or one of its shades ("teal.9"). */
function badgeVars(variant: BadgeVariant, color: string): Record<string, string> {
  const [name, shade] = color.split(".");
  const solid = shade ? `var(--mantine-color-${name}-${shade})` : `var(--mantine-color-${name}-filled)`;
  if (variant === "filled") return { "--badge-bg": solid, "--badge-color": "var(--mantine-color-white)", "--badge-bd": `${BORDER} solid transparent` };
  if (variant === "outline") {
    const line = shade ? solid : `var(--mantine-color-${name}-outline)`;
    return { "--badge-bg": "transparent", "--badge-color": line, "--badge-bd": `${BORDER} solid ${line}` };
  }
  return { "--badge-bg": `var(--mantine-color-${name}-light)`, "--badge-color": `var(--mantine-color-${name}-light-color)`, "--badge-bd": `${BORDER} solid transparent` };
}

const DARK_TEXT: CSSProperties = { color: "var(--mantine-color-dark-8)" };

type Props = {
  variant: BadgeVariant;
  /** A theme colour without a shade for light and outline badges (shades differ there). */
  color: string;
  /** Near-black text (DARK_LABEL): colour carries meaning in the fill or border only. */
  dark?: boolean;
  children: ReactNode;
  title?: string;
  "data-sla"?: string;
};

export function PlainBadge({ variant, color, dark, children, ...rest }: Props) {
  return (
    <div style={badgeVars(variant, color) as CSSProperties} className="m_347db0ec mantine-Badge-root" data-variant={variant} {...rest}>
      <span className="m_5add502a mantine-Badge-label" style={dark ? DARK_TEXT : undefined}>{children}</span>
    </div>
  );
}
