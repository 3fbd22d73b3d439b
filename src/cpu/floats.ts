/** The typed arrays the CPU engine computes in: Float32Array at run time, Float64Array as the test oracle. */
export type Floats = Float32Array | Float64Array;
