import { inputError, type InputError } from '../core/errors';
import { describeValue, quote, type Expectation, type ValuePlace } from './jsonRead';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Where a value sits in an input: the file name (if any) and the path inside it (`layers[2].weight[3]`). */
export class JsonPath implements ValuePlace {
  constructor(
    readonly source?: string,
    readonly path = '',
  ) {}

  /** The path of field `name` of the object at this path (`training.learningRate`, `metrics["test loss"]`). */
  field(name: string): JsonPath {
    if (!IDENTIFIER.test(name)) return new JsonPath(this.source, `${this.path}[${JSON.stringify(name)}]`);
    return new JsonPath(this.source, this.path ? `${this.path}.${name}` : name);
  }

  /** The path of element `index` of the array at this path (`layers[2]`). */
  item(index: number): JsonPath {
    return new JsonPath(this.source, `${this.path}[${index}]`);
  }

  /** An InputError located here: `model.json: layers[2].weight: <problem>`. */
  error(problem: string): InputError {
    return inputError([this.source, this.path].filter(Boolean).join(': '), problem);
  }

  /** `model.json: classes: expected a whole number in [2, 6], got 7`. */
  expected(expectation: Expectation, value: unknown): InputError {
    return this.error(`expected ${expectation.notation}, got ${describeValue(value)}`);
  }

  /** `model.json: task: "clasification" is not one of classification, regression`. */
  notOneOf(text: string, names: readonly string[]): InputError {
    return this.error(`${quote(text)} is not one of ${names.join(', ')}`);
  }
}
