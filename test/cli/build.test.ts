import { describe, expect, it } from 'vitest';
import { shell } from './run';

describe('the page build and the command build live apart', () => {
  it('npx vite build (the page) leaves the descent command working', () => {
    const build = shell('npx vite build --logLevel error');
    expect(build.code, build.stderr).toBe(0);
    const result = shell('descent --help');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^descent: train and run Descent's neural networks/);
  });
});
