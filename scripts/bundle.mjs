// Bundle feeledger's own modules (dist/, as tsc emitted them) into one file, dist/feeledger.mjs,
// which bin/feeledger loads: Node.js then opens, resolves and compiles one module instead of
// about ninety, which takes a tenth of a second off the start of every command. Dependencies
// stay in node_modules. Without esbuild (an install without dev dependencies) there is no
// bundle and bin/feeledger loads dist/ module by module, as before.
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
await esbuild.build({
  entryPoints: [join(root, "dist", "cli", "main.js")],
  outfile: join(root, "dist", "feeledger.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
