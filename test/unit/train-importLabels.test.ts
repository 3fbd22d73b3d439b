import { describe, expect, it } from 'vitest';
import { decideLabelTask } from '../../src/data/labelTask';

const labels = (...values: number[]) => Float64Array.from(values);

describe('the task of imported labels', () => {
  it('reads whole-number labels 0 and 6 as two classes, renumbered, and says so', () => {
    const decision = decideLabelTask(labels(0, 6, 6, 0));
    expect(decision.task).toEqual({ kind: 'classification', classes: 2 });
    expect(Array.from(decision.labels)).toEqual([0, 1, 1, 0]);
    expect(decision.explanation).toBe('2-class classification, because the labels are whole numbers; renumbered 0 → class 0, 6 → class 1');
  });

  it('keeps class indices 0…k−1 as they are', () => {
    const decision = decideLabelTask(labels(0, 1, 2, 1));
    expect(decision.task).toEqual({ kind: 'classification', classes: 3 });
    expect(Array.from(decision.labels)).toEqual([0, 1, 2, 1]);
    expect(decision.explanation).toBe('3-class classification, because the labels are the whole numbers 0…2');
  });

  it('reads labels that are not all whole numbers as regression', () => {
    const decision = decideLabelTask(labels(0, 0.5, 2));
    expect(decision.task).toEqual({ kind: 'regression' });
    expect(decision.explanation).toBe('regression, because some labels are not whole numbers');
  });

  it('reads more distinct whole numbers than the page has classes as regression, and says why', () => {
    const decision = decideLabelTask(labels(1, 2, 3, 4, 5, 6, 7));
    expect(decision.task).toEqual({ kind: 'regression' });
    expect(decision.explanation).toContain('7 different whole numbers, more than the 6 classes');
  });

  it('refuses one class with the rule', () => {
    expect(() => decideLabelTask(labels(3, 3), 'data.csv: label')).toThrow('data.csv: label: every point has label 3; whole-number labels are classes, and classification needs at least 2 of them');
  });
});
