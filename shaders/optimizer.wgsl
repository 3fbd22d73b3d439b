// optimizer.wgsl: one dispatch updates every parameter of the model (SGD, momentum, Adam with
// PyTorch semantics); l1·sign(w) + l2·w is added to the gradient of weights, not biases.
// Bindings: group(0) 0 Settings (uniform), 1 params (storage, read_write), 2 grads (storage, read),
//           3 state (storage, read_write: momentum v, or Adam m then v), 4 status (storage, read, u32),
//           5 backup (storage, read_write); group(1) 0 Pass (uniform, dynamic offset).
// Shapes: params, grads, backup: parameter_count; state: 2 · parameter_count.
// Entry points (workgroup 256, one thread per parameter, dispatch (x, y) with x ≤ 65535):
//   update   one optimizer step; does nothing once status[0] says training diverged
//   backup   copies the parameters aside while training is healthy
// CPU twin: optimizerStep in src/core/optimizer.ts.

// Settings: shaders/common.wgsl.

@group(0) @binding(0) var<uniform> settings: Settings;
@group(0) @binding(1) var<storage, read_write> params: array<f32>;
@group(0) @binding(2) var<storage, read> grads: array<f32>;
@group(0) @binding(3) var<storage, read_write> state: array<f32>;
@group(0) @binding(4) var<storage, read> status: array<u32>;
@group(0) @binding(5) var<storage, read_write> saved_params: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

fn parameter_index(id: vec3u, groups: vec3u) -> u32 {
  return id.y * groups.x * 256u + id.x;
}

@compute @workgroup_size(256)
fn update(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = parameter_index(id, groups);
  if (i >= settings.parameter_count || status[0] != 0u) {
    return;
  }
  let w = params[i];
  var g = grads[i];
  if (i < settings.weight_count) {
    g += settings.l1 * sign(w) + settings.l2 * w;
  }
  let n = settings.parameter_count;
  // SGD keeps no state and momentum one number a parameter: their unused state reads are discarded
  // (a read past a buffer's end is clamped in WGSL), and only the state there is gets written.
  let words = optimizer_state_words(settings.optimizer);
  let state0 = select(0.0, state[i], words > 0u);
  let state1 = select(0.0, state[n + i], words > 1u);
  let next = optimizer_step(settings.optimizer, w, g, state0, state1, pass_info.step_size, pass_info.inv_sqrt_bc2, settings.momentum, settings.beta1, settings.beta2, settings.epsilon);
  params[i] = next.x;
  if (words > 0u) {
    state[i] = next.y;
  }
  if (words > 1u) {
    state[n + i] = next.z;
  }
}

@compute @workgroup_size(256)
fn backup(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = parameter_index(id, groups);
  if (i < settings.parameter_count && status[0] == 0u) {
    saved_params[i] = params[i];
  }
}
