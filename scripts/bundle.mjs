// Bundle feeledger's own modules (dist/, as tsc emitted them) into dist/feeledger.mjs, which
// bin/feeledger loads, and one chunk per command under dist/chunks/ (src/cli/start.ts imports the
// command asked for): Node.js then opens and compiles a few modules instead of about ninety, and
// only the code of the command that runs. Dependencies stay in node_modules. Without esbuild (an
// install without dev dependencies) there is no bundle and bin/feeledger loads dist/ module by
// module, as before.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  process.stderr.write("scripts/bundle.mjs: esbuild is not installed; bin/feeledger will load dist/ module by module\n");
  process.exit(0);
}
// Chunks are named by their content: the last build's would pile up.
rmSync(join(root, "dist", "chunks"), { recursive: true, force: true });
await esbuild.build({
  entryPoints: { feeledger: join(root, "dist", "cli", "start.js") },
  outdir: join(root, "dist"),
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
