import { defaultConfig } from '../core/config';
import { settingFlagsHelp } from './settingFlags';

/** Usage text of the `descent` command and its subcommands; the settings' flags come from the table of settings. */

const DEFAULTS = defaultConfig();

export const HELP = `descent: train and run Descent's neural networks from the command line

Usage:
  descent train   [data] [model] [training] [--out WEIGHTS.json] [--json]
  descent eval    --weights WEIGHTS.json --data DATA.csv [--json]
  descent predict --weights WEIGHTS.json --data DATA.csv
  descent bench   [--quick | --only a,b,…] [--no-browser] [--json]

Every command takes --backend auto|webgpu|cpu (default auto: WebGPU on a hardware GPU,
otherwise the CPU engine; webgpu also runs on SwiftShader, a GPU emulated on the CPU).
Run "descent COMMAND --help" for the flags of one command. Exit status: 0 success,
1 training failed (or --out could not be written), 2 bad usage or input.
`;

const TRAIN_HELP = `Usage: descent train [flags]

Data (a generated preset, or a CSV file with columns x1,x2,label[,split]):
  --data FILE.csv             train on a CSV file instead of a preset
  --task classification|regression
                              what the file's labels are (detected when absent: labels
                              that are all class indices 0…5 mean classification)
  --seed S                    both seeds: --data-seed and --training-seed
${settingFlagsHelp('data', DEFAULTS)}

Model (or --init WEIGHTS.json to continue from a weights file and its layout):
${settingFlagsHelp('model', DEFAULTS)}
  --config FILE.json          an experiment config (see docs/FORMAT.md); flags override it

Training:
${settingFlagsHelp('training', DEFAULTS)}
  --epochs N | --steps N      default 500 epochs; a step is one optimizer update

Each flag may be given once; numbers are decimals (-1.5, 2e-3).

Output:
  --out WEIGHTS.json          write the trained weights (weights JSON v1); checked before
                              training, never one of the input files, replaced only whole
  --json                      print a JSON summary on stdout instead of text
  --backend auto|webgpu|cpu
`;

const EVAL_HELP = `Usage: descent eval --weights WEIGHTS.json --data DATA.csv [--json] [--backend auto|webgpu|cpu]

Loss and accuracy (or MSE for regression) of the model on each split of the file
(the whole file when it has no split column).
`;

const PREDICT_HELP = `Usage: descent predict --weights WEIGHTS.json --data DATA.csv [--backend auto|webgpu|cpu]

Prints the CSV file with the model's outputs appended: prob_0…prob_{k-1} and predicted
for classification, prediction for regression. Only the x1 and x2 columns are needed.
`;

export const COMMAND_HELP = { train: TRAIN_HELP, eval: EVAL_HELP, predict: PREDICT_HELP } as const;
