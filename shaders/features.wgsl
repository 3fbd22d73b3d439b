// features.wgsl: the value of one input feature at a point of the plane; shared by the kernels
// that compute a grid's features on the GPU (grid_features.wgsl, fused_forward.wgsl).
// CPU twin: computeFeatures (src/core/features.ts).

fn feature_value(code: u32, x1: f32, x2: f32) -> f32 {
  switch code {
    case FEATURE_X1: { return x1; }
    case FEATURE_X2: { return x2; }
    case FEATURE_X1_POW_2: { return x1 * x1; }
    case FEATURE_X2_POW_2: { return x2 * x2; }
    case FEATURE_X1_TIMES_X2: { return x1 * x2; }
    case FEATURE_SIN_X1: { return sin(x1); }
    case FEATURE_SIN_X2: { return sin(x2); }
    case FEATURE_R: { return sqrt(x1 * x1 + x2 * x2); }
    case FEATURE_THETA, default: { return atan2(x2, x1); }
  }
}
