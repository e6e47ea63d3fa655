// SourceFile.decodedBytes: the bytes a kept file's text was decoded from, to which a writer applies
// its edits (planChanges then reads the file no more); writeChanges proves the file still holds
// them before it replaces it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSource, type SourceFile } from "../../src/source/files.js";
import { keptBytes, planChanges, StaleFileError, writeChanges } from "../../src/edit/write.js";

const dir = mkdtempSync(join(tmpdir(), "feeledger-decoded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(file: string, keep: boolean, pieceBytes = 7): SourceFile {
  const source = openSource(file, keep);
  if ("error" in source) throw new Error(source.error);
  for (const piece of source.readPieces(pieceBytes)) void piece;
  return source;
}

describe("SourceFile.decodedBytes", () => {
  const file = join(dir, "j.beancount");
  const bytes = Buffer.concat([Buffer.from("2024-01-01 open Assets:银行\n; \u00e9\n"), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from("x 𠀀\n")]);
  writeFileSync(file, bytes);

  it("are the bytes read, in pieces or whole, and the text is theirs decoded", () => {
    for (const pieceBytes of [1, 7, 1 << 20]) {
      const source = read(file, true, pieceBytes);
      expect(source.decodedBytes?.equals(bytes)).toBe(true);
      expect(source.text).toBe(bytes.toString("utf8"));
      expect(source.decodedLength).toBe(source.text.length);
    }
  });

  it("are null when nothing was kept", () => {
    expect(read(file, false).decodedBytes).toBeNull();
    expect(read(file, false).decodedLength).toBeNull();
  });

  it("let a write refuse a file changed since it was read, as decoding it would", () => {
    const other = join(dir, "k.beancount");
    writeFileSync(other, "a\n");
    const source = read(other, true);
    const edit = { file: other, start: 2, end: 2, text: "b\n" };
    const decodedBytes = () => keptBytes(source);
    expect(planChanges([edit], () => source.text, decodedBytes)[0]!.after.toString()).toBe("a\nb\n");
    // An append to kept bytes needs only the text's length, not the text.
    expect(planChanges([edit], () => { throw new Error("the text was asked for"); }, decodedBytes)[0]!.after.toString()).toBe("a\nb\n");
    const changes = planChanges([edit], () => source.text, decodedBytes);
    writeFileSync(other, "c\n");
    expect(() => writeChanges(changes)).toThrow(StaleFileError);
    expect(readFileSync(other, "utf8")).toBe("c\n");
    // Without the bytes, planning reads the file and finds it changed.
    expect(() => planChanges([edit], () => source.text)).toThrow(StaleFileError);
  });
});
