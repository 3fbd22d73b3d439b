// matmul_tiles.wgsl: the tiled C = A·B loop shared by the three dense kernels.
// The kernel module that includes it defines:
//   fn matmul_dims() -> vec3u            (M, N, K) of this dispatch
//   fn load_a(m: u32, k: u32) -> f32     A, M × K, only called in range
//   fn load_b(k: u32, n: u32) -> f32     B, K × N, only called in range
//   fn epilogue(m: u32, n: u32, c: f32)  consumes C[m, n]
//   const A_K_CONTIGUOUS: bool           A's neighbouring k are neighbours in memory (else neighbouring m)
//   const B_K_CONTIGUOUS: bool           B's neighbouring k are neighbours in memory (else neighbouring n)
// Entry points, both with workgroup size 16 × 16; dispatch (ceil(N / tile), ceil(M / tile)):
//   main_large: 64 × 64 tile of C per workgroup, 4 × 4 outputs per thread (big layers)
//   main_small: 16 × 16 tile of C per workgroup, one output per thread (narrow layers, small batches)
// K is walked in steps of TILE_K through workgroup memory.

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
