import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from "react";
import { theme } from "~/theme";
import { ListLink } from "./list-link";

// Mantine's <Button> as the markup it renders, without the component: its props, styles API
// and variables cost ~60 µs a button on the server (~110 µs with a Remix <Link> inside), and a
// theme card can hold dozens of re-file buttons, the case list a dozen view and status links
// (issue 18, decision 046; as PlainBadge, decision 041). Same classes, variables and
// attributes, so it looks and hydrates the same; plain-button.test.ts compares the two for
// each variant and size used.

export type PlainButtonSize = "xs" | "compact-xs" | "compact-sm";
// "primary" is Mantine's Button with no variant given: filled in the primary colour by its
// stylesheet, so only the text colour is set on the element (and no data-variant).
export type PlainButtonVariant = "default" | "filled" | "primary";

const COLOURS: Record<PlainButtonVariant, Record<string, string>> = {
  default: {
    "--button-bg": "var(--mantine-color-default)",
    "--button-hover": "var(--mantine-color-default-hover)",
    "--button-color": "var(--mantine-color-default-color)",
    "--button-bd": "calc(0.0625rem * var(--mantine-scale)) solid var(--mantine-color-default-border)",
  },
  filled: {
    "--button-bg": `var(--mantine-color-${theme.primaryColor}-filled)`,
    "--button-hover": `var(--mantine-color-${theme.primaryColor}-filled-hover)`,
    "--button-color": "var(--mantine-color-white)",
    "--button-bd": "calc(0.0625rem * var(--mantine-scale)) solid transparent",
  },
  primary: { "--button-color": "var(--mantine-color-white)" },
};

const sized = (size: PlainButtonSize) => ({
  "--button-height": `var(--button-height-${size})`,
  "--button-padding-x": `var(--button-padding-x-${size})`,
  "--button-fz": `var(--mantine-font-size-${size.replace("compact-", "")})`,
});

// Made once per variant and size: every button of a kind shares its style object.
const STYLES = new Map<string, CSSProperties>();
function styleOf(variant: PlainButtonVariant, size: PlainButtonSize | undefined) {
  const key = `${variant} ${size ?? ""}`;
  let style = STYLES.get(key);
  if (!style) STYLES.set(key, (style = { ...(size ? sized(size) : {}), ...COLOURS[variant] } as CSSProperties));
  return style;
}

type Look = { variant?: PlainButtonVariant; size?: PlainButtonSize; rightSection?: ReactNode; children: ReactNode };

function look({ variant = "default", size, rightSection }: Omit<Look, "children">) {
  return {
    style: styleOf(variant, size),
    className: "mantine-focus-auto mantine-active m_77c9d27d mantine-Button-root m_87cf2631 mantine-UnstyledButton-root",
    "data-variant": variant === "primary" ? undefined : variant,
    "data-size": size,
    "data-with-right-section": rightSection ? "true" : undefined,
  };
}

function Inner({ children, rightSection }: Look) {
  return (
    <span className="m_80f1301b mantine-Button-inner">
      <span className="m_811560b9 mantine-Button-label">{children}</span>
      {rightSection ? (
        <span className="m_a74036a mantine-Button-section" data-position="right">
          {rightSection}
        </span>
      ) : null}
    </span>
  );
}

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "style" | "className" | "children"> & Look;

export function PlainButton({ variant, size, rightSection, children, ...rest }: ButtonProps) {
  return (
    <button {...look({ variant, size, rightSection })} type="button" {...rest}>
      <Inner rightSection={rightSection}>{children}</Inner>
    </button>
  );
}

type LinkProps = Omit<Parameters<typeof ListLink>[0], "style" | "className" | "children"> & Look;

/** A link that looks like Mantine's Button (as `<Button component={Link}>` rendered it). */
export function PlainLinkButton({ variant, size, rightSection, children, ...rest }: LinkProps) {
  return (
    <ListLink {...look({ variant, size, rightSection })} {...rest}>
      <Inner rightSection={rightSection}>{children}</Inner>
    </ListLink>
  );
}
