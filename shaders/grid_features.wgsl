// grid_features.wgsl: the model's (normalised) input features at the centres of a grid's cells,
// computed on the GPU so the decision boundary needs no upload.
// Bindings: group(0) 0 GridFeatures (uniform), 1 arena (storage, read_write);
//           group(1) 0 Pass (uniform, dynamic offset): rows = cells in this chunk, first_row = first cell.
// Shapes: out rows × feature_count at arena[output]; cell p is column p % width, row p / width,
//           row 0 at the top (largest x2).
// Workgroup 256, one thread per feature value; dispatch ceil(rows · feature_count / 256).
// feature_value comes from features.wgsl.
// CPU twins: gridPoints (src/core/grid.ts) and computeFeatures (src/core/features.ts).

struct GridFeatures {
  width: u32,
  height: u32,
  feature_count: u32,
  output: u32,
  x1_range: vec2f,
  x2_range: vec2f,
  codes: array<vec4u, 3>,   // FEATURE_* (index into FEATURE_NAMES), 4 per vector
  mean: array<vec4f, 3>,
  deviation: array<vec4f, 3>,
}

@group(0) @binding(0) var<uniform> grid: GridFeatures;
@group(0) @binding(1) var<storage, read_write> arena: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let count = grid.feature_count;
  if (id.x >= pass_info.rows * count) {
    return;
  }
  let cell = pass_info.first_row + id.x / count;
  let j = id.x % count;
  let column = f32(cell % grid.width);
  let row = f32(cell / grid.width);
  let x1 = grid.x1_range.x + (column + 0.5) * (grid.x1_range.y - grid.x1_range.x) / f32(grid.width);
  let x2 = grid.x2_range.y - (row + 0.5) * (grid.x2_range.y - grid.x2_range.x) / f32(grid.height);
  let value = feature_value(grid.codes[j / 4u][j % 4u], x1, x2);
  arena[grid.output + id.x] = (value - grid.mean[j / 4u][j % 4u]) / grid.deviation[j / 4u][j % 4u];
}
