import { InputError, inputError } from '../core/errors';
import { mustBe } from '../core/expectation';
import { describeValue, type Expectation, type ValuePlace } from './jsonRead';

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

  /** How messages name this place: `model.json: layers[2].weight`. */
  private get where(): string {
    return [this.source, this.path].filter(Boolean).join(': ');
  }

  /** An InputError located here: `model.json: layers[2].weight: <problem>`. */
  error(problem: string): InputError {
    return inputError(this.where, problem);
  }

  /** `model.json: classes must be a whole number from 2 to 6; got 7`. */
  expected(expectation: Expectation, value: unknown): InputError {
    return this.mustBe(expectation, describeValue(value));
  }

  /** The same message with what came in the caller's words: `model.json: layers[2].weight must be an array of 8 rows; got 7 rows`. */
  mustBe(expectation: Expectation, got: string): InputError {
    return new InputError(mustBe(this.where || 'The JSON value', expectation, got));
  }
}
