#!/usr/bin/env node
// Check feeledger's web pages in a real browser (headless Chromium, as Debian packages it):
//   node scripts/check-html.mjs PAGE.html... [--screenshots DIR]
// For each page: it loads with the network cut off and no console message, the DOM Chromium built
// holds a table, every mark of the chart (data-value) is a figure of the table, and, with
// --screenshots, a PNG of the page (A4 landscape at 96 dpi: 1123 x 794) is written for a person to
// look at. Exit status 0 when every page passes, 1 otherwise, 2 when Chromium is not installed.
// (The test suite checks the same values from the HTML itself, without a browser: test/render/html.test.ts.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const at = args.indexOf("--screenshots");
const screenshots = at >= 0 ? args.splice(at, 2)[1] : null;
if (args.length === 0) {
  process.stderr.write("usage: node scripts/check-html.mjs PAGE.html... [--screenshots DIR]\n");
  process.exit(2);
}

function findChromium() {
  for (const name of [process.env.CHROMIUM, "chromium", "chromium-browser", "google-chrome"]) {
    if (!name) continue;
    try {
      return execFileSync("sh", ["-c", `command -v "${name}"`], { encoding: "utf8" }).trim();
    } catch {
      // next
    }
  }
  return null;
}

const chromium = findChromium();
if (chromium === null) {
  process.stderr.write("check-html: Chromium is not installed (apt-get install chromium fonts-wqy-microhei)\n");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "feeledger-chromium-"));
const common = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", `--user-data-dir=${profile}`,
  "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--window-size=1123,794",
];

let failed = 0;
for (const page of args) {
  const url = pathToFileURL(resolve(page)).href;
  const problems = [];
  const run = spawnSync(chromium, [...common, "--dump-dom", url], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0) problems.push(`Chromium exited with ${run.status}: ${run.stderr.split("\n").slice(-3).join(" ")}`);
  for (const line of (run.stderr ?? "").split("\n")) {
    if (/CONSOLE|Uncaught|Refused to|net::ERR_/.test(line)) problems.push(`browser: ${line.trim()}`);
  }
  const dom = run.stdout ?? "";
  if (!/<table>[\s\S]*<\/table>/.test(dom)) problems.push("no table in the rendered page");
  const figures = new Set([...dom.matchAll(/<td[^>]*data-value="([^"]*)"/g)].map((match) => match[1]));
  const marks = [...dom.matchAll(/class="mark"[^>]*data-value="([^"]*)"/g)].map((match) => match[1]);
  for (const value of marks) if (!figures.has(value)) problems.push(`the chart shows ${value}, which the table does not`);
  if (screenshots !== null) {
    mkdirSync(screenshots, { recursive: true });
    const file = join(screenshots, basename(page).replace(/\.html?$/i, "") + ".png");
    const shot = spawnSync(chromium, [...common, `--screenshot=${file}`, url], { encoding: "utf8", timeout: 120_000 });
    if (shot.status !== 0) problems.push(`no screenshot: Chromium exited with ${shot.status}`);
  }
  if (problems.length === 0) process.stdout.write(`ok   ${page} (${marks.length} chart values, all in the table)\n`);
  else {
    failed += 1;
    process.stdout.write(`FAIL ${page}\n${problems.map((p) => `     ${p}\n`).join("")}`);
  }
}
rmSync(profile, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
