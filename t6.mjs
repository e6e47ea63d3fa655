import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const XLSX = require("@e965/xlsx");
const n = Number(process.argv[2]);
const rows = [];
for (let i = 0; i < n; i++) { const r = []; for (let c = 0; c < 25; c++) r.push(c % 3 === 0 ? `text${c}-${i % 50}` : c % 3 === 1 ? i * 1.5 : "固定"); rows.push(r); }
const ws = XLSX.utils.aoa_to_sheet(rows);
const wb = XLSX.utils.book_new(); XLSX.utils.book_append_sheet(wb, ws, "Page1");
let t = performance.now();
XLSX.write(wb, { type: "buffer", bookType: "biff8" });
console.log(n, (performance.now() - t).toFixed(0), "ms");
