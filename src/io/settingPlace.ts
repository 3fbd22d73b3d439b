import { InputError } from '../core/errors';
import { mustBe } from '../core/expectation';
import { SETTING_ITEM_LABELS } from '../core/settingLabels';
import type { Setting } from '../core/settings';
import { describeValue, type Expectation, type ValuePlace } from './jsonRead';

/**
 * A setting of the page as a place for the JSON readers: their messages name the control the user
 * sees (`Learning rate must be a number from 0 to 10; got 12`), not a config path.
 */
export class SettingPlace implements ValuePlace {
  constructor(
    readonly label: string,
    private readonly itemLabel: (index: number) => string = (index) => `${label} item ${index + 1}`,
  ) {}

  /** The place of a setting, named as the page names it. */
  static of(entry: Setting): SettingPlace {
    return new SettingPlace(entry.label, SETTING_ITEM_LABELS[entry.field]);
  }

  field(name: string): SettingPlace {
    return new SettingPlace(`${this.label}: ${name}`);
  }

  item(index: number): SettingPlace {
    return new SettingPlace(this.itemLabel(index));
  }

  error(problem: string): InputError {
    return new InputError(`${this.label}: ${problem}`);
  }

  expected(expectation: Expectation, value: unknown): InputError {
    return new InputError(mustBe(this.label, expectation, describeValue(value)));
  }
}
