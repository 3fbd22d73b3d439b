import { build } from 'vite';

/** The CLI tests run the real `descent` executable: build its bundle from the current sources first. */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.cli.config.ts', logLevel: 'error' });
}
