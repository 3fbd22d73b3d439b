// matmul_tiles.wgsl: the tiled C = A·B loop shared by the three dense kernels.
// The kernel module that includes it defines:
//   fn matmul_dims() -> vec3u            (M, N, K) of this dispatch
//   fn load_a(m: u32, k: u32) -> f32     A, M × K, only called in range
//   fn load_b(k: u32, n: u32) -> f32     B, K × N, only called in range
//   fn epilogue(m: u32, n: u32, c: f32)  consumes C[m, n]
//   const A_K_CONTIGUOUS: bool           A's neighbouring k are neighbours in memory (else neighbouring m)
//   const B_K_CONTIGUOUS: bool           B's neighbouring k are neighbours in memory (else neighbouring n)
// Entry points, all with workgroup size 16 × 16; dispatch (ceil(N / tile), ceil(M / tile)):
//   main_large:  64 × 64 tile of C per workgroup, 4 × 4 outputs per thread (big layers)
//   main_small:  16 × 16 tile of C per workgroup, one output per thread (narrow layers, small batches)
//   main_direct: 64 × 64 tile of C per workgroup, 4 × 4 outputs per thread read straight from
//                storage, no workgroup memory and no barriers (adapters that emulate a GPU on the
//                CPU, where workgroup memory is ordinary cache and every barrier switches fibers)
// main_large and main_small walk K in steps of TILE_K through workgroup memory.

const TILE_K: u32 = 16u;

var<workgroup> large_a: array<array<f32, 64>, TILE_K>;
var<workgroup> large_b: array<array<f32, 64>, TILE_K>;
var<workgroup> small_a: array<array<f32, 16>, TILE_K>;
var<workgroup> small_b: array<array<f32, 16>, TILE_K>;

fn a_or_zero(m: u32, k: u32, dims: vec3u) -> f32 {
  if (m < dims.x && k < dims.z) {
    return load_a(m, k);
  }
  return 0.0;
}

fn b_or_zero(k: u32, n: u32, dims: vec3u) -> f32 {
  if (k < dims.z && n < dims.y) {
    return load_b(k, n);
  }
  return 0.0;
}

@compute @workgroup_size(16, 16)
fn main_large(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u,
              @builtin(local_invocation_index) thread: u32) {
  let dims = matmul_dims();
  let row0 = group.y * 64u;
  let col0 = group.x * 64u;
  var acc: array<vec4f, 4>;
  for (var k0 = 0u; k0 < dims.z; k0 += TILE_K) {
    for (var t = 0u; t < 4u; t++) {
      let e = thread + t * 256u;
      // Neighbouring threads read neighbouring addresses, whichever way the operand is laid out.
      let am = select(e % 64u, e / TILE_K, A_K_CONTIGUOUS);
      let ak = select(e / 64u, e % TILE_K, A_K_CONTIGUOUS);
      large_a[ak][am] = a_or_zero(row0 + am, k0 + ak, dims);
      let bn = select(e % 64u, e / TILE_K, B_K_CONTIGUOUS);
      let bk = select(e / 64u, e % TILE_K, B_K_CONTIGUOUS);
      large_b[bk][bn] = b_or_zero(k0 + bk, col0 + bn, dims);
    }
    workgroupBarrier();
    for (var k = 0u; k < TILE_K; k++) {
      let a = vec4f(large_a[k][local.y * 4u], large_a[k][local.y * 4u + 1u], large_a[k][local.y * 4u + 2u], large_a[k][local.y * 4u + 3u]);
      let b = vec4f(large_b[k][local.x * 4u], large_b[k][local.x * 4u + 1u], large_b[k][local.x * 4u + 2u], large_b[k][local.x * 4u + 3u]);
      acc[0] += a.x * b;
      acc[1] += a.y * b;
      acc[2] += a.z * b;
      acc[3] += a.w * b;
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + local.y * 4u + i;
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + local.x * 4u + j;
      if (m < dims.x && n < dims.y) {
        epilogue(m, n, acc[i][j]);
      }
    }
  }
}

@compute @workgroup_size(16, 16)
fn main_small(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u,
              @builtin(local_invocation_index) thread: u32) {
  let dims = matmul_dims();
  let row0 = group.y * 16u;
  let col0 = group.x * 16u;
  let am = select(thread % 16u, thread / TILE_K, A_K_CONTIGUOUS);
  let ak = select(thread / 16u, thread % TILE_K, A_K_CONTIGUOUS);
  let bn = select(thread % 16u, thread / TILE_K, B_K_CONTIGUOUS);
  let bk = select(thread / 16u, thread % TILE_K, B_K_CONTIGUOUS);
  var acc = 0.0;
  for (var k0 = 0u; k0 < dims.z; k0 += TILE_K) {
    small_a[ak][am] = a_or_zero(row0 + am, k0 + ak, dims);
    small_b[bk][bn] = b_or_zero(k0 + bk, col0 + bn, dims);
    workgroupBarrier();
    for (var k = 0u; k < TILE_K; k++) {
      acc += small_a[k][local.y] * small_b[k][local.x];
    }
    workgroupBarrier();
  }
  let m = row0 + local.y;
  let n = col0 + local.x;
  if (m < dims.x && n < dims.y) {
    epilogue(m, n, acc);
  }
}

// The 4 × 4 block of A at rows `rows`, columns k … k + 3, one vec4f per row.
fn block_a(rows: vec4u, k: u32) -> mat4x4f {
  return mat4x4f(
    vec4f(load_a(rows.x, k), load_a(rows.x, k + 1u), load_a(rows.x, k + 2u), load_a(rows.x, k + 3u)),
    vec4f(load_a(rows.y, k), load_a(rows.y, k + 1u), load_a(rows.y, k + 2u), load_a(rows.y, k + 3u)),
    vec4f(load_a(rows.z, k), load_a(rows.z, k + 1u), load_a(rows.z, k + 2u), load_a(rows.z, k + 3u)),
    vec4f(load_a(rows.w, k), load_a(rows.w, k + 1u), load_a(rows.w, k + 2u), load_a(rows.w, k + 3u)));
}

// Row k of B at columns `cols`.
fn row_b(k: u32, cols: vec4u) -> vec4f {
  return vec4f(load_b(k, cols.x), load_b(k, cols.y), load_b(k, cols.z), load_b(k, cols.w));
}

@compute @workgroup_size(16, 16)
fn main_direct(@builtin(global_invocation_id) id: vec3u) {
  let dims = matmul_dims();
  let row0 = id.y * 4u;
  let col0 = id.x * 4u;
  if (row0 >= dims.x || col0 >= dims.y) {
    return;
  }
  // Past the edge, rows and columns repeat the last one: reads stay in range, those sums are never written.
  let rows = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(dims.x - 1u));
  let cols = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(dims.y - 1u));
  var acc = mat4x4f();
  let whole = dims.z & ~3u;
  for (var k = 0u; k < whole; k += 4u) {
    // The left factor's columns are rows of B, so column i of the product is Σⱼ A[rows[i], k + j] · B[k + j].
    acc += mat4x4f(row_b(k, cols), row_b(k + 1u, cols), row_b(k + 2u, cols), row_b(k + 3u, cols)) * block_a(rows, k);
  }
  for (var k = whole; k < dims.z; k++) {
    let b = row_b(k, cols);
    acc += mat4x4f(load_a(rows.x, k) * b, load_a(rows.y, k) * b, load_a(rows.z, k) * b, load_a(rows.w, k) * b);
  }
  for (var i = 0u; i < 4u; i++) {
    for (var j = 0u; j < 4u; j++) {
      if (row0 + i < dims.x && col0 + j < dims.y) {
        epilogue(row0 + i, col0 + j, acc[i][j]);
      }
    }
  }
}
