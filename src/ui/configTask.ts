import type { DataConfig } from '../core/config';
import type { Task } from '../core/task';
import { presetTask } from '../data/presets';

/** The task a data config describes (custom data counts as classification with its class count). */
export function taskOf(data: DataConfig): Task {
  return data.preset === 'custom' ? { kind: 'classification', classes: data.classes } : presetTask(data.preset, data.classes);
}
