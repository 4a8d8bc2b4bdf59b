// Bundles each app/workers/<name>.worker.ts into build/workers/<name>.mjs for `npm start`
// (decision 020): Remix's build bundles the server into one file, and a worker thread needs
// an entry of its own. better-sqlite3 stays external (native).
import { build } from "esbuild";
import { readdirSync } from "node:fs";

const names = readdirSync("app/workers").filter((f) => f.endsWith(".worker.ts"));
for (const file of names) {
  await build({
    entryPoints: [`app/workers/${file}`],
    outfile: `build/workers/${file.replace(/\.worker\.ts$/, ".mjs")}`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["better-sqlite3"],
    // Bundled CommonJS dependencies call require(): give the ESM bundle one.
    banner: { js: `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);` },
    logLevel: "warning",
  });
}
console.log(`Built ${names.length} worker(s) into build/workers.`);
