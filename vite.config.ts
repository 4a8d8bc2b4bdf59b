import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The browser's scripts in a few chunks by library instead of ~40 per page (decision 027): each
// request is a round trip on a phone's connection (HTTP/1.1, six at a time). A page loads some
// code it does not use (~25 kB compressed more), and then has it cached for every other page.
const CHUNKS: [RegExp, string][] = [
  [/[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@remix-run|turbo-stream)[\\/]/, "framework"],
  [/[\\/]node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|react-textarea-autosize|react-number-format|clsx|tslib|get-nonce|detect-node-es)[\\/]/, "mantine"],
  [/[\\/]node_modules[\\/](zod|@conform-to)[\\/]/, "forms"],
  [/[\\/]node_modules[\\/]/, "vendor"],
  // The app's own shared code (labels, schemas, taxonomy …): many pieces of a few hundred bytes.
  [/[\\/]app[\\/](domain|utils)[\\/]/, "app"],
];
const manualChunks = (id: string) => CHUNKS.find(([test]) => test.test(id))?.[1];

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  // The generated Prisma client and better-sqlite3 are server-only and native.
  ssr: { external: ["better-sqlite3", "@prisma/adapter-better-sqlite3"], noExternal: [/^@mantine\//] },
  build: isSsrBuild ? {} : { rollupOptions: { output: { manualChunks } } },
}));
