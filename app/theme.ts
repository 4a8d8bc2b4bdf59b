import { createTheme } from "@mantine/core";

// A calm, high-contrast palette: teal for action, dark slate for text (WCAG AA on white).
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 8, dark: 6 },
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  colors: {},
});
