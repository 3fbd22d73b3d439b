/** Usage text of the `descent` command and its subcommands. */

export const HELP = `descent: train and run Descent's neural networks from the command line

Usage:
  descent train   [data] [model] [training] [--out WEIGHTS.json] [--json]
  descent eval    --weights WEIGHTS.json --data DATA.csv [--json]
  descent predict --weights WEIGHTS.json --data DATA.csv
  descent bench   [--json] [--quick]

Every command takes --backend auto|webgpu|cpu (default auto: WebGPU on a hardware GPU,
otherwise the CPU engine; webgpu also runs on SwiftShader, a GPU emulated on the CPU).
Run "descent COMMAND --help" for the flags of one command. Exit status: 0 success,
1 training failed (or --out could not be written), 2 bad usage or input.
`;

const TRAIN_HELP = `Usage: descent train [flags]

Data (a generated preset, or a CSV file with columns x1,x2,label[,split]):
  --preset NAME          circle, xor, gauss, spiral, moons, checkerboard, rings, blobs,
                         reg-plane, reg-gauss, reg-sine (default circle)
  --data FILE.csv        train on a CSV file instead of a preset
  --task classification|regression
                         what the file's labels are (detected when absent: labels
                         that are all class indices 0…5 mean classification)
  --points N --noise 0…1 --classes K --train-fraction F --seed S

Model (or --init WEIGHTS.json to continue from a weights file and its layout):
  --arch mlp|resnet      --hidden 8,8 (mlp only; "none" for no hidden layer)
  --width D --blocks B   (resnet only)
  --activation NAME      linear, relu, leaky_relu, elu, tanh, sigmoid, softplus
  --features a,b,…       x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), r, theta
  --init-scheme NAME     zeros, uniform, xavier, he, normal
  --init-scale SIGMA     σ of --init-scheme normal, N(0, σ²) (default 0.01)
  --config FILE.json     an experiment config (see docs/FORMAT.md); flags override it

Each flag may be given once; numbers are decimals (-1.5, 2e-3).

Training:
  --optimizer sgd|momentum|adam  --lr RATE  --momentum MU
  --batch-size N|all     --l1 L  --l2 L  --dropout P
  --epochs N | --steps N (default 500 epochs; a step is one optimizer update)

Output:
  --out WEIGHTS.json     write the trained weights (weights JSON v1); checked before
                         training, never one of the input files, replaced only whole
  --json                 print a JSON summary on stdout instead of text
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
