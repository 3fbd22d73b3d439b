import { parseArgs } from 'node:util';
import { InputError } from '../core/errors';
import { BACKENDS, type BackendChoice } from './backend';
import { EXIT, TrainingFailedError, UsageError } from './errors';
import { evalCommand } from './evalCommand';
import { EXPERIMENT_FLAGS } from './experiment';
import { choiceFlag } from './flags';
import { predictCommand } from './predictCommand';
import { SETTING_FLAGS } from './settingFlags';
import { trainCommand } from './trainCommand';
import { HELP, COMMAND_HELP } from './help';

type Command = 'train' | 'eval' | 'predict';

const STRING_FLAGS: Record<Command, string[]> = {
  train: [...EXPERIMENT_FLAGS, ...SETTING_FLAGS, 'epochs', 'steps', 'out'],
  eval: ['weights', 'data'],
  predict: ['weights', 'data'],
};

/** `--lr -1` → `--lr=-1`: parseArgs takes a value that starts with a dash for a flag, so a negative number would be refused as ambiguous. */
function joinNegativeValues(args: string[], options: Record<string, { type: 'string' | 'boolean' }>): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith('--') && !args[i].includes('=') ? args[i].slice(2) : '';
    if (options[name]?.type === 'string' && /^-[\d.]/.test(args[i + 1] ?? '')) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]);
  }
  return joined;
}

/** The flags of one command; unknown, repeated and valueless flags are usage errors that name the flag. */
function parseFlags(command: Command, args: string[]): Record<string, string | boolean | undefined> {
  const options: Record<string, { type: 'string' | 'boolean' }> = { backend: { type: 'string' }, help: { type: 'boolean' } };
  for (const name of STRING_FLAGS[command]) options[name] = { type: 'string' };
  if (command !== 'predict') options.json = { type: 'boolean' };
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args, options), options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown flag'));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice: give each flag once`);
    seen.add(token.name);
  }
  return parsed.values;
}

/** Runs the `descent` command line; returns the exit code (0 ok, 1 training failed, 2 bad usage or input). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === 'bench') {
      const { benchCommand } = await import('./benchCommand');
      return await benchCommand(args);
    }
    if (!(command in STRING_FLAGS)) throw new UsageError(`unknown command "${command}" (use train, eval, predict or bench)`);
    const flags = parseFlags(command as Command, args);
    if (flags.help) {
      process.stdout.write(COMMAND_HELP[command as Command]);
      return EXIT.ok;
    }
    const backend: BackendChoice = flags.backend === undefined ? 'auto' : choiceFlag('backend', String(flags.backend), BACKENDS);
    if (command === 'train') await trainCommand(flags, backend);
    else if (command === 'eval') await evalCommand(flags, backend);
    else await predictCommand(flags, backend);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`descent: ${error.message}\nRun "descent ${command in STRING_FLAGS || command === 'bench' ? `${command} ` : ''}--help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      process.stderr.write(`descent: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof TrainingFailedError) {
      process.stderr.write(`descent: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
