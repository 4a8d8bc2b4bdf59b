// `stopword` ships no type declarations; this covers the export the patterns domain uses
// (its word list; text-similarity.ts filters with a Set of its own).
declare module "stopword" {
  export const eng: string[];
}
