// Configuration strings as beancount's plugins read them (eval or ast.literal_eval): Python
// literals only (dicts, lists, tuples, sets, strings, numbers, True, False, None). Anything else
// is reported, not evaluated.
import { Decimal } from "../core/number.js";

export type PythonValue =
  | string
  | boolean
  | null
  | { readonly kind: "number"; readonly value: Decimal; readonly float: boolean }
  | readonly PythonValue[]
  | ReadonlyMap<string, PythonValue>;

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  private skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at character ${this.at + 1}`);
  }

  read(): PythonValue {
    const value = this.value();
    this.skip();
    if (this.at < this.text.length) this.fail("unexpected text");
    return value;
  }

  private value(): PythonValue {
    this.skip();
    const next = this.text[this.at];
    if (next === undefined) this.fail("a value expected");
    if (next === "{") return this.dict();
    if (next === "[" || next === "(") return this.sequence(next === "[" ? "]" : ")");
    if (next === "'" || next === '"') return this.string();
    const word = /^(True|False|None)\b/.exec(this.text.slice(this.at));
    if (word !== null) {
      this.at += word[1]!.length;
      return word[1] === "None" ? null : word[1] === "True";
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.text.slice(this.at));
    if (number !== null) {
      this.at += number[0].length;
      return { kind: "number", value: new Decimal(number[0]), float: /[.eE]/.test(number[0]) };
    }
    this.fail("not a literal");
  }

  private string(): string {
    const quote = this.text[this.at++]!;
    let result = "";
    while (this.at < this.text.length && this.text[this.at] !== quote) {
      const char = this.text[this.at++]!;
      if (char === "\\" && this.at < this.text.length) {
        const escaped = this.text[this.at++]!;
        result += escaped === "n" ? "\n" : escaped === "t" ? "\t" : escaped;
      } else result += char;
    }
    if (this.at >= this.text.length) this.fail("unterminated string");
    this.at++;
    // Adjacent strings concatenate, as in Python.
    this.skip();
    const next = this.text[this.at];
    return next === "'" || next === '"' ? result + this.string() : result;
  }

  private sequence(close: string): PythonValue[] {
    this.at++;
    const items: PythonValue[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === close) { this.at++; return items; }
      items.push(this.value());
      this.skip();
      if (this.text[this.at] === ",") { this.at++; continue; }
      if (this.text[this.at] === close) { this.at++; return items; }
      this.fail(`'${close}' expected`);
    }
  }

  private dict(): ReadonlyMap<string, PythonValue> {
    this.at++;
    const map = new Map<string, PythonValue>();
    for (;;) {
      this.skip();
      if (this.text[this.at] === "}") { this.at++; return map; }
      const key = this.value();
      this.skip();
      if (this.text[this.at] !== ":") this.fail("':' expected");
      this.at++;
      map.set(typeof key === "string" ? key : JSON.stringify(key), this.value());
      this.skip();
      if (this.text[this.at] === ",") { this.at++; continue; }
      if (this.text[this.at] === "}") { this.at++; return map; }
      this.fail("'}' expected");
    }
  }
}

/** The value a configuration string spells, or the reason it is not a Python literal. */
export function readPythonLiteral(text: string): { value: PythonValue } | { problem: string } {
  try {
    return { value: new Reader(text).read() };
  } catch (thrown) {
    if (thrown instanceof SyntaxError) return { problem: thrown.message };
    throw thrown;
  }
}

export function isDict(value: PythonValue): value is ReadonlyMap<string, PythonValue> {
  return value instanceof Map;
}
