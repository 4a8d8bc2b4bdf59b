import { Anchor, createTheme, type CSSVariablesResolver } from "@mantine/core";

// A calm, high-contrast palette: teal for action, dark slate for text (WCAG AA on white).
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 9, dark: 6 },
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  colors: {},
  // Links inside text must not rely on colour alone (WCAG 1.4.1).
  components: { Anchor: Anchor.extend({ defaultProps: { underline: "always" } }) },
});

// Mantine's default "dimmed" grey is below 4.5:1 on white; ours passes WCAG AA.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#495057" },
  dark: {},
});
