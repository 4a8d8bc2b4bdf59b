import type { CSSProperties, HTMLAttributes, ReactNode } from "react";

// Mantine's <Text> as the markup it renders, for the few props the case file's facts, history
// and notes use: ~30 µs a Text on the server, and a case file has ~50 (issue 18; as
// PlainButton, decision 046). plain-text.test.ts compares it with Mantine's for each
// combination used. Anything else (other style props, polymorphism) keeps Mantine's Text.

type Spacing = "xs" | "sm" | "md" | "lg" | "xl" | number;
type Props = Omit<HTMLAttributes<HTMLElement>, "className" | "color"> & {
  size?: "xs" | "sm";
  /** Mantine's colour: "dimmed" or a palette shade such as "dark.3". */
  c?: "dimmed" | `${string}.${number}`;
  fw?: 400 | 500 | 600 | 700;
  tt?: "uppercase";
  mt?: Spacing;
  mb?: Spacing;
  span?: boolean;
  children?: ReactNode;
};

const space = (v: Spacing) => (typeof v === "number" ? `calc(${v / 16}rem * var(--mantine-scale))` : `var(--mantine-spacing-${v})`);

// Made once per combination: every Text of a kind shares its style object.
const STYLES = new Map<string, CSSProperties | undefined>();
function styleOf({ size, c, fw, tt, mt, mb }: Props) {
  const key = `${size}|${c}|${fw}|${tt}|${mt}|${mb}`;
  if (STYLES.has(key)) return STYLES.get(key);
  // In the order Mantine writes them: the size's variables, then its style props.
  const style: Record<string, string | number> = {};
  if (size) Object.assign(style, { "--text-fz": `var(--mantine-font-size-${size})`, "--text-lh": `var(--mantine-line-height-${size})` });
  if (mt !== undefined) style.marginTop = space(mt);
  if (mb !== undefined) style.marginBottom = space(mb);
  if (c) style.color = c === "dimmed" ? "var(--mantine-color-dimmed)" : `var(--mantine-color-${c.replace(".", "-")})`;
  if (fw) style.fontWeight = fw;
  if (tt) style.textTransform = tt;
  const made = Object.keys(style).length ? (style as CSSProperties) : undefined;
  STYLES.set(key, made);
  return made;
}

export function PlainText({ size, c, fw, tt, mt, mb, span, style, children, ...rest }: Props & { style?: CSSProperties }) {
  const own = styleOf({ size, c, fw, tt, mt, mb });
  const Tag = span ? "span" : "p";
  return (
    <Tag style={style ? { ...own, ...style } : own} className="mantine-focus-auto m_b6d8b162 mantine-Text-root" data-size={size} {...rest}>
      {children}
    </Tag>
  );
}
