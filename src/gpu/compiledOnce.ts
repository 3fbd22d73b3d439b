/**
 * `compile` memoised per device and key: the first call for a (device, key) compiles, later calls
 * share its promise, and a device's entries go with the device.
 */
export function compiledOnce<K, P>(compile: (device: GPUDevice, key: K) => Promise<P>): (device: GPUDevice, key: K) => Promise<P> {
  const byDevice = new WeakMap<GPUDevice, Map<K, Promise<P>>>();
  return (device, key) => {
    let byKey = byDevice.get(device);
    if (!byKey) {
      byKey = new Map();
      byDevice.set(device, byKey);
    }
    let compiled = byKey.get(key);
    if (!compiled) {
      compiled = compile(device, key);
      byKey.set(key, compiled);
    }
    return compiled;
  };
}
