// layer_stats.wgsl: the gradient flow of a model, one dense layer per workgroup: the norms of
// its weights' gradient (as backpropagation left it, before regularisation), of its weights, and
// of the update the optimizer would make of them with the current state (regularisation included).
// Nothing is written but the results: the update is only previewed.
// Bindings: group(0) 0 Settings (uniform), 1 params (storage, read), 2 grads (storage, read),
//           3 state (storage, read: momentum v, or Adam m then v), 4 layers (storage, read, u32:
//           weight_offset, weight_count per layer), 5 results (storage, read_write);
//           group(1) 0 Pass (uniform, dynamic offset): step_size and inv_sqrt_bc2 of the previewed step.
// Shapes: results 3 per layer: ‖∂L/∂W‖, ‖W‖, ‖ΔW‖.
// Workgroup 256; dispatch (layers): workgroup l sums layer l.
// CPU twin: layerGradientStats in src/cpu/inspect.ts.

@group(0) @binding(0) var<uniform> settings: Settings;
@group(0) @binding(1) var<storage, read> params: array<f32>;
@group(0) @binding(2) var<storage, read> grads: array<f32>;
@group(0) @binding(3) var<storage, read> state: array<f32>;
@group(0) @binding(4) var<storage, read> layers: array<u32>;
@group(0) @binding(5) var<storage, read_write> results: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

var<workgroup> partial: array<vec3f, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) thread: u32) {
  let l = group.x;
  let first = layers[2u * l];
  let count = layers[2u * l + 1u];
  let n = settings.parameter_count;
  let words = optimizer_state_words(settings.optimizer);
  var sums = vec3f(0.0);
  for (var k = thread; k < count; k += 256u) {
    let i = first + k;
    let w = params[i];
    let g = grads[i];
    let regularised = g + settings.l1 * sign(w) + settings.l2 * w;
    let state0 = select(0.0, state[i], words > 0u);
    let state1 = select(0.0, state[n + i], words > 1u);
    // The step from w = 0 is the update itself, without the cancellation of (w − u) − w.
    let update = optimizer_step(settings.optimizer, 0.0, regularised, state0, state1, pass_info.step_size, pass_info.inv_sqrt_bc2, settings.momentum, settings.beta1, settings.beta2, settings.epsilon).x;
    sums += vec3f(g * g, w * w, update * update);
  }
  partial[thread] = sums;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride >>= 1u) {
    if (thread < stride) {
      partial[thread] += partial[thread + stride];
    }
    workgroupBarrier();
  }
  if (thread == 0u) {
    let norms = sqrt(partial[0]);
    results[3u * l] = norms.x;
    results[3u * l + 1u] = norms.y;
    results[3u * l + 2u] = norms.z;
  }
}
