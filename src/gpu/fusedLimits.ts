/** Sizes the fused small-network kernel (shaders/fused_mlp.wgsl) is compiled with; the shader sees them as constants. */

/** The widest layer (features, hidden units, outputs) the fused kernel trains. */
export const FUSED_MAX_WIDTH = 64;
/** Dense layers the kernel's uniform has room for: 16 hidden layers and the output layer. */
export const FUSED_MAX_LAYERS = 17;
/** Outputs the kernel keeps per row in registers. */
export const FUSED_MAX_OUTPUTS = 6;
/** Words per step in the schedule buffer (StepRecord in the WGSL, padded). */
export const FUSED_STEP_RECORD_WORDS = 8;

/** Threads of a fused forward workgroup at most (its partial sums are sized for them). */
export const FORWARD_MAX_THREADS = 256;
/** The forward kernel's offsets for what a job does not write. */
export const FORWARD_NONE = 0xffffffff;
