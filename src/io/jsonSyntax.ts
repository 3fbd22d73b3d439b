/**
 * Finds where JSON text breaks the grammar and says why, in the same words in every JavaScript
 * engine (JSON.parse's messages differ between engines and often give no position).
 */

/** A syntax error: the character offset where the text stops being JSON, and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  problem: string;
}

class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z0-9_$+.-]+/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const LITERALS = ['true', 'false', 'null'];

class Scanner {
  private offset = 0;

  constructor(private readonly text: string) {}

  private fail(problem: string, offset = this.offset): never {
    throw new Stop({ offset, problem });
  }

  /** The next character as messages show it. */
  private found(): string {
    return this.offset < this.text.length ? JSON.stringify(this.text[this.offset]) : 'the end of the text';
  }

  private skipWhitespace(): void {
    while (' \t\n\r'.includes(this.text[this.offset] ?? 'x')) this.offset++;
  }

  private match(pattern: RegExp): string | null {
    pattern.lastIndex = this.offset;
    const found = pattern.exec(this.text);
    if (!found) return null;
    this.offset += found[0].length;
    return found[0];
  }

  /**
   * Scans one JSON value and what follows it. Containers are tracked on a stack rather than by
   * recursion, so that text nested 200,000 deep still gets its line and column.
   */
  document(): void {
    const open: ('{' | '[')[] = [];
    for (;;) {
      this.skipWhitespace();
      const char = this.text[this.offset];
      if (char === '{' || char === '[') {
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === (char === '{' ? '}' : ']')) this.offset++;
        else {
          open.push(char);
          if (char === '{') this.fieldName();
          continue;
        }
      } else this.scalar();
      if (!this.closeFinished(open)) continue;
      this.skipWhitespace();
      if (this.offset < this.text.length) this.fail(`unexpected ${this.found()} after the end of the JSON value`);
      return;
    }
  }

  /** After a value: closes every container that ends here; false when a comma asks for another value, true when the document's value is complete. */
  private closeFinished(open: ('{' | '[')[]): boolean {
    while (open.length > 0) {
      this.skipWhitespace();
      const container = open[open.length - 1];
      const close = container === '{' ? '}' : ']';
      const next = this.text[this.offset];
      if (next === close) {
        this.offset++;
        open.pop();
        continue;
      }
      if (next !== ',') this.fail(`expected "," or "${close}", found ${this.found()}`);
      this.offset++;
      if (container === '{') this.fieldName();
      return false;
    }
    return true;
  }

  /** `"name":` inside an object. */
  private fieldName(): void {
    this.skipWhitespace();
    if (this.text[this.offset] !== '"') this.fail(`expected a field name in double quotes, found ${this.found()}`);
    this.string();
    this.skipWhitespace();
    if (this.text[this.offset] !== ':') this.fail(`expected ":" after the field name, found ${this.found()}`);
    this.offset++;
  }

  /** A string, a number or a literal. */
  private scalar(): void {
    const start = this.offset;
    const char = this.text[start];
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) {
      if (this.match(NUMBER) === null || /[\w.+-]/.test(this.text[this.offset] ?? '')) this.fail(`invalid number ${JSON.stringify(this.word(start))}`, start);
      return;
    }
    const word = this.match(WORD);
    if (word !== null && LITERALS.includes(word)) return;
    this.offset = start;
    this.fail(`expected a value, found ${word === null ? this.found() : JSON.stringify(word)}`);
  }

  /** The run of word characters starting at `start`, for messages. */
  private word(start: number): string {
    WORD.lastIndex = start;
    return WORD.exec(this.text)?.[0] ?? this.text[start];
  }

  private string(): void {
    const start = this.offset++;
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined) this.fail('unterminated string', start);
      if (char === '"') {
        this.offset++;
        return;
      }
      if (char < ' ') this.fail('control character in a string (write \\n, \\t, …)');
      if (char === '\\' && this.match(ESCAPE) === null) this.fail('invalid escape sequence in a string');
      else if (char !== '\\') this.offset++;
    }
  }
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (stop) {
    if (stop instanceof Stop) return stop.error;
    throw stop;
  }
}
