// `stopword` ships no type declarations; this covers the two exports the patterns domain uses.
declare module "stopword" {
  export function removeStopwords(tokens: string[], stopwords?: readonly string[]): string[];
  export const eng: string[];
}
