#!/usr/bin/env node
// The `descent` command: runs the CLI bundle that `npm install` builds (npm run build:cli).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist-cli', 'descent.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('descent: the command is not built yet; run "npm install" (or "npm run build:cli") in the repository first.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
