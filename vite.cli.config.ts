import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** Builds the `descent` command (src/cli) into one Node module, with the WGSL inlined, in a folder of its own: the page's build empties dist/. */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/entry.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: ['webgpu', 'vite', 'playwright-core', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { entryFileNames: 'descent.mjs' },
    },
  },
  logLevel: 'warn',
});
