// gather.wgsl: builds one minibatch on the GPU from the epoch's permutation, so that no
// training data crosses the bus after the first upload.
// Bindings: group(0) 0 Gather (uniform), 1 arena (storage, read_write), 2 features (storage, read),
//           3 labels (storage, read), 4 indices (storage, read, u32);
//           group(1) 0 Pass (uniform, dynamic offset).
// Shapes: features n × feature_width, labels n, indices: pass rows from index_offset;
//           out: rows × feature_width at arena[features_out], rows at arena[labels_out].
// Workgroup 256, one thread per gathered number; dispatch ceil(rows · feature_width / 256).
// CPU twin: gatherRows in src/cpu/kernels.ts.

struct Gather {
  feature_width: u32,
  features_out: u32,
  labels_out: u32,
  _pad: u32,
}

@group(0) @binding(0) var<uniform> gather: Gather;
@group(0) @binding(1) var<storage, read_write> arena: array<f32>;
@group(0) @binding(2) var<storage, read> features: array<f32>;
@group(0) @binding(3) var<storage, read> labels: array<f32>;
@group(0) @binding(4) var<storage, read> indices: array<u32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let width = gather.feature_width;
  if (id.x >= pass_info.rows * width) {
    return;
  }
  let row = id.x / width;
  let column = id.x % width;
  let source = indices[pass_info.index_offset + row];
  arena[gather.features_out + id.x] = features[source * width + column];
  if (column == 0u) {
    arena[gather.labels_out + row] = labels[source];
  }
}
