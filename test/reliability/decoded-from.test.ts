// SourceFile.decodedFrom: a writer's proof that a file still holds the bytes its text was decoded
// from (planChanges then skips decoding the file again). True only for exactly those bytes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSource, type SourceFile } from "../../src/source/files.js";
import { planChanges, StaleFileError } from "../../src/edit/write.js";

const dir = mkdtempSync(join(tmpdir(), "feeledger-decoded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(file: string, keep: boolean, pieceBytes = 7): SourceFile {
  const source = openSource(file, keep);
  if ("error" in source) throw new Error(source.error);
  for (const piece of source.readPieces(pieceBytes)) void piece;
  return source;
}

describe("SourceFile.decodedFrom", () => {
  const file = join(dir, "j.beancount");
  const bytes = Buffer.concat([Buffer.from("2024-01-01 open Assets:银行\n; \u00e9\n"), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from("x 𠀀\n")]);
  writeFileSync(file, bytes);

  it("is true for the bytes read, in pieces or whole", () => {
    expect(read(file, true).decodedFrom(readFileSync(file))).toBe(true);
    expect(read(file, true, 1 << 20).decodedFrom(readFileSync(file))).toBe(true);
  });

  it("is false for other bytes, fewer or more, and when nothing was kept", () => {
    const source = read(file, true);
    const changed = Buffer.from(bytes);
    changed[3] = 0x35;
    expect(source.decodedFrom(changed)).toBe(false);
    expect(source.decodedFrom(bytes.subarray(0, bytes.length - 1))).toBe(false);
    expect(source.decodedFrom(Buffer.concat([bytes, Buffer.from("\n")]))).toBe(false);
    // Other invalid bytes decode to the same U+FFFD: the bytes differ all the same.
    const otherInvalid = Buffer.from(bytes);
    otherInvalid[otherInvalid.indexOf(0xfe)] = 0xfd;
    expect(source.decodedFrom(otherInvalid)).toBe(false);
    expect(read(file, false).decodedFrom(readFileSync(file))).toBe(false);
  });

  it("lets planChanges refuse a file changed since it was read, as decoding it would", () => {
    const other = join(dir, "k.beancount");
    writeFileSync(other, "a\n");
    const source = read(other, true);
    const edit = { file: other, start: 2, end: 2, text: "b\n" };
    const decodedFrom = (_: string, data: Uint8Array) => source.decodedFrom(data);
    expect(planChanges([edit], () => source.text, decodedFrom)[0]!.after.toString()).toBe("a\nb\n");
    writeFileSync(other, "c\n");
    expect(() => planChanges([edit], () => source.text, decodedFrom)).toThrow(StaleFileError);
  });
});
