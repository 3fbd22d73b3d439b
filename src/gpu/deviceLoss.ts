/** Whether a device has been lost, and why: one record per device, shared by every trainer on it. */
export interface DeviceLoss {
  reason: string | null;
}

const losses = new WeakMap<GPUDevice, DeviceLoss>();

/**
 * The loss record of `device`, watched by one `device.lost` listener for the device's whole life.
 * The listener holds only this record, never a trainer, so a disposed trainer can be collected
 * (a listener per trainer would keep every trainer ever built on the device reachable).
 */
export function watchDeviceLoss(device: GPUDevice): DeviceLoss {
  let loss = losses.get(device);
  if (!loss) {
    const record: DeviceLoss = { reason: null };
    void device.lost.then((info) => {
      record.reason = info.message || info.reason || 'unknown reason';
    });
    losses.set(device, record);
    loss = record;
  }
  return loss;
}
