import { describe, expect, it } from 'vitest';
import { splitMetrics } from '../../src/core/metrics';
import { classReadings } from '../../src/ui/classReadings';
import { startedRun } from './train-runHarness';

describe("Run.predictData: the model's outputs on all its data, for the metrics a class reads", () => {
  it('gives one output per point of the shown model, whose test accuracy is the one the metrics report', async () => {
    const { run, clock } = await startedRun();
    run.play();
    await clock.frames(6);
    run.pause();
    await clock.frames(2);
    await run.idle();
    const predicted = (await run.predictData())!;
    expect(predicted.dataset).toBe(run.dataset);
    expect(predicted.outputs).toHaveLength(predicted.dataset.labels.length);
    const readings = classReadings(predicted.dataset, predicted.outputs);
    const test = readings.test!;
    if (test.kind !== 'classification') throw new Error('the default data is classification');
    const right = test.matrix.counts[0][0] + test.matrix.counts[1][1];
    expect(right / test.count).toBeCloseTo(run.metrics!.test!.accuracy!, 10);
    expect(test.count).toBe(run.metrics!.test!.count);
    // The loss of the same outputs agrees too (probabilities back to logits for the sigmoid).
    const rows = [...predicted.dataset.isTest.keys()].filter((i) => predicted.dataset.isTest[i] === 1);
    const logits = rows.map((i) => Math.log(predicted.outputs[i] / (1 - predicted.outputs[i])));
    expect(splitMetrics(predicted.dataset.task, logits, rows.map((i) => predicted.dataset.labels[i]), rows.length).loss).toBeCloseTo(run.metrics!.test!.loss, 4);
  });

  it('answers null while there is no model', async () => {
    const { run } = await startedRun();
    run.dispose();
    expect(await run.predictData()).toBeNull();
  });
});
