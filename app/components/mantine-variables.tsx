import { convertCssVariables, defaultCssVariablesResolver, DEFAULT_THEME, mergeMantineTheme, type ConvertCSSVariablesInput } from "@mantine/core";
import { cssVariablesResolver, theme } from "~/theme";

// Mantine's provider works out its CSS variables (~300 of them, from the theme) on every render:
// ~2 ms of the server's thread for every page (issue 18, decision 046), for a string that only
// changes with the theme. The root turns the provider's own off (withCssVariables={false}) and
// writes this, made once the way Mantine makes it: the default variables of our theme with our
// resolver's on top, less those equal to Mantine's defaults (its CSS has those already).
// mantine-variables.test.ts holds it equal to what the provider writes.

type Part = keyof ConvertCSSVariablesInput;

function variablesCss() {
  const full = mergeMantineTheme(DEFAULT_THEME, theme);
  const ours = defaultCssVariablesResolver(full);
  const extra = cssVariablesResolver(full);
  const defaults = defaultCssVariablesResolver(DEFAULT_THEME);
  const part = (p: Part) => Object.fromEntries(Object.entries({ ...ours[p], ...extra[p] }).filter(([name, value]) => defaults[p][name as keyof (typeof defaults)[Part]] !== value));
  return convertCssVariables({ variables: part("variables"), light: part("light"), dark: part("dark") }, ":root");
}

export const MANTINE_VARIABLES_CSS = variablesCss();

export function MantineVariables() {
  return <style data-mantine-styles="true" dangerouslySetInnerHTML={{ __html: MANTINE_VARIABLES_CSS }} />;
}
