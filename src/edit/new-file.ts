// Writing a new file (an export beside the journal, such as a bank file) all at once: the text goes
// to a temporary file in the same folder, which is then linked in under the final name. Linking
// fails if the name is taken, so an existing file is never replaced, and a reader never sees half
// a file.
import * as fs from "node:fs";
import * as path from "node:path";
import { message, type Message } from "../i18n/message.js";

export class FileExistsError extends Error {
  /** The message by its key, to be said in the chosen language; `.message` is the English. */
  readonly said: Message;

  constructor(readonly file: string) {
    const said = message("write exists", { file });
    super(said.text);
    this.said = said;
  }
}

export function createFileAtomically(file: string, text: string): void {
  if (fs.existsSync(file)) throw new FileExistsError(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.feeledger-${process.pid}-${Date.now()}.tmp`);
  fs.writeFileSync(temporary, text, { encoding: "utf8", flag: "wx" });
  try {
    try {
      fs.linkSync(temporary, file);
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new FileExistsError(file);
      // A file system without hard links: rename, after one more look for the name.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "ENOSYS") throw thrown;
      if (fs.existsSync(file)) throw new FileExistsError(file);
      fs.renameSync(temporary, file);
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
