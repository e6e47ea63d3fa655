// Writes the sample exports of `feeledger import` into samples/import/, made the way each system
// writes them (see docs/IMPORT.md for what was verified and where):
//   dingtalk.xlsx      钉钉's admin export: a title row, a two-row header (费用明细 over its
//                      sub-columns), header fields only on a document's first row (merged cells),
//                      detail dates as Excel serial numbers, 审批编号 as 21-digit text
//   dingtalk-gbk.csv   the classic one-row header, saved by Excel in GBK (GB18030), with 元 and
//                      thousands separators, a note row above the header
//   feishu.json        two answers of 飞书's approval/v4/instances/:id
//   ekuaibao.json      one answer of 易快报's /api/openapi/v1.1/flowDetails
//   map.yaml           the map that imports them into samples/customer-fees-2026.beancount
// and, with --bench DIR [--documents N], a large 钉钉 export for bench/import.mjs (10 detail rows a
// document): DIR/bench.xlsx and DIR/bench-map.yaml (nothing under samples/).
//
//   node scripts/make-import-samples.mjs
//   node scripts/make-import-samples.mjs --bench /tmp/import-bench --documents 10000
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const XLSX = require("@e965/xlsx");
const iconv = require("iconv-lite");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Excel's serial number of a day (1899-12-30 is day 0). */
const serial = (day) => (Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 86_400_000;
/** Milliseconds since the epoch of a time in China (UTC+8). */
const chinaMs = (day, time = "00:00") => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), Number(time.slice(0, 2)) - 8, Number(time.slice(3, 5)));

const SYSTEM = ["审批编号", "标题", "审批状态", "审批结果", "发起时间", "完成时间", "发起人姓名", "发起人部门", "历史审批人姓名"];
const DETAIL = ["费用类型", "金额（元）", "日期", "发票号码", "说明"];

/** A text cell (审批编号 must never become a number). */
const text = (value) => ({ t: "s", v: value });

function dingtalkWorkbook(documents, { repeatHeaderFields }) {
  const rows = [[text("报销审批 数据导出（导出时间：2026-12-31 18:00）")], [...SYSTEM.map(text), text("客户名称"), text("费用明细")], [...SYSTEM.map(() => null), null, ...DETAIL.map(text)]];
  const merges = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } }, { s: { r: 1, c: 10 }, e: { r: 1, c: 14 } }];
  for (let column = 0; column <= 9; column++) merges.push({ s: { r: 1, c: column }, e: { r: 2, c: column } });
  for (const document of documents) {
    const first = rows.length;
    document.lines.forEach((line, index) => {
      const header = index === 0 || repeatHeaderFields
        ? [text(document.id), text(document.title), text(document.status), text(document.result), text(document.started), text(document.finished ?? ""),
          text(document.claimant), text(document.department), text(document.approvers ?? ""), text(document.customer)]
        : Array(10).fill(null);
      rows.push([...header, text(line.category), typeof line.amount === "number" ? { t: "n", v: line.amount } : text(line.amount),
        { t: "n", v: serial(line.date), z: "yyyy/m/d" }, text(line.invoice ?? ""), text(line.note ?? "")]);
    });
    if (!repeatHeaderFields && document.lines.length > 1) {
      for (let column = 0; column <= 9; column++) merges.push({ s: { r: first, c: column }, e: { r: rows.length - 1, c: column } });
    }
  }
  const sheet = XLSX.utils.aoa_to_sheet([]);
  rows.forEach((row, r) => row.forEach((cell, c) => { if (cell !== null) sheet[XLSX.utils.encode_cell({ r, c })] = cell; }));
  sheet["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: 14 } });
  sheet["!merges"] = merges;
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, "审批记录");
  // Shared strings, as the systems' exports (Apache POI, EasyExcel) write them.
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx", bookSST: true, compression: true });
}

const DINGTALK = [
  { id: "202612151030000100011", title: "ACME年终拜访及答谢午餐", status: "完成", result: "同意", started: "2026-12-15 10:30", finished: "2026-12-16 09:12",
    claimant: "王伟", department: "华东销售部", approvers: "赵敏,孙强", customer: "ACME",
    lines: [
      { category: "交通费", amount: 86, date: "2026-12-14", invoice: "031002500911-80420011", note: "虹桥往返出租车" },
      { category: "业务招待费", amount: "1,280.00元", date: "2026-12-14", invoice: "26312071475300000011", note: "ACME采购部午餐" },
    ] },
  { id: "202612171415000100012", title: "星河零售圣诞礼品", status: "审批中", result: "", started: "2026-12-17 14:15", finished: null,
    claimant: "李娜", department: "华南销售部", approvers: "", customer: "星河零售",
    lines: [{ category: "客户礼品", amount: 420, date: "2026-12-17", invoice: "26312071475300000012", note: "圣诞礼盒" }] },
  { id: "202612180900000100013", title: "北辰医药KTV招待", status: "完成", result: "拒绝", started: "2026-12-18 09:00", finished: "2026-12-18 17:30",
    claimant: "张磊", department: "大客户部", approvers: "孙强", customer: "北辰医药",
    lines: [{ category: "业务招待费", amount: 2600, date: "2026-12-17", invoice: "26312071475300000013", note: "KTV" }] },
  { id: "202612191120000100014", title: "宏达制造回访", status: "已撤销", result: "", started: "2026-12-19 11:20", finished: "2026-12-19 15:00",
    claimant: "刘洋", department: "客户成功部", approvers: "", customer: "宏达制造",
    lines: [{ category: "交通费", amount: 56, date: "2026-12-19", invoice: null, note: "" }] },
  { id: "202612211605000100015", title: "年终客户大会场地踩点", status: "完成", result: "同意", started: "2026-12-21 16:05", finished: "2026-12-22 10:00",
    claimant: "陈静", department: "市场部", approvers: "吴芳", customer: "多客户",
    lines: [
      { category: "交通费", amount: 45.5, date: "2026-12-20", invoice: "26312071475300000015", note: "场地往返" },
      { category: "交通费", amount: 38, date: "2026-12-21", invoice: "26312071475300000016", note: "场地复看" },
    ] },
];

/** The classic export: one header row under a note, every field on every row; GBK as Excel saves a CSV on Chinese Windows. */
function dingtalkCsv() {
  const quote = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    "导出说明：本表由钉钉审批导出,金额单位为元",
    ["审批编号", "标题", "审批状态", "审批结果", "审批发起时间", "审批完成时间", "发起人姓名", "发起人部门", "历史审批人姓名", "客户", "费用类别", "金额", "发生日期", "发票号码", "说明"].join(","),
    ["202612181010000100021", "出租车费", "完成", "同意", "2026/12/18 10:10", "2026/12/19 9:05", "王伟", "华东销售部", "赵敏", "ACME", "交通费", "120.00", "2026/12/18", "26312071475300000021", "拜访ACME"],
    ["202612191530000100022", "北辰医药商务晚餐", "完成", "同意", "2026-12-19 15:30", "2026-12-20 16:40", "张磊", "大客户部", "孙强", "北辰医药", "业务招待费", "980.00元", "2026-12-19", "26312071475300000022", "晚餐"],
  ].map((line) => (Array.isArray(line) ? line.map(quote).join(",") : line));
  return iconv.encode(lines.join("\r\n") + "\r\n", "gb18030");
}

const FEISHU = [
  { code: 0, msg: "success", data: {
    approval_code: "7C468A54-8745-2245-9675-08B7C63E7A85", approval_name: "费用报销", serial_number: "202612220001",
    instance_code: "81D31358-93AF-92D6-7425-01A5D67C4E71", status: "APPROVED", user_id: "f7cb567e", open_id: "ou_06a1d1b4c1bb7a2c1c0b8c2f0e8d6f55",
    department_id: "od-4e6ac4d14bcd5071a37a39de902c7141", start_time: String(chinaMs("2026-12-22", "09:40")), end_time: String(chinaMs("2026-12-23", "11:02")),
    form: JSON.stringify([
      { id: "widget1", name: "客户", type: "input", value: "蓝海物流" },
      { id: "widget2", name: "费用明细", type: "fieldList", value: [[
        { id: "widget3", name: "费用类型", type: "radioV2", value: "交通费" },
        { id: "widget4", name: "金额", type: "amount", value: 76.5 },
        { id: "widget5", name: "日期", type: "date", value: "2026-12-21T00:00:00+08:00" },
        { id: "widget6", name: "发票号码", type: "input", value: "26312071475300000031" },
        { id: "widget7", name: "说明", type: "textarea", value: "蓝海物流仓库参观" },
      ]] },
    ]),
    task_list: [{ id: "1234", user_id: "9e2b3c4d", status: "APPROVED", node_name: "部门经理", start_time: String(chinaMs("2026-12-22", "09:40")), end_time: String(chinaMs("2026-12-23", "11:02")) }],
    timeline: [
      { type: "START", user_id: "f7cb567e", create_time: String(chinaMs("2026-12-22", "09:40")) },
      { type: "PASS", user_id: "9e2b3c4d", create_time: String(chinaMs("2026-12-23", "11:02")) },
    ],
  } },
  { code: 0, msg: "success", data: {
    approval_code: "7C468A54-8745-2245-9675-08B7C63E7A85", approval_name: "费用报销", serial_number: "202612230002",
    instance_code: "9A1C2E44-11B2-4E7D-8C5A-3D2E1F0A9B8C", status: "PENDING", user_id: "f7cb567e",
    department_id: "od-4e6ac4d14bcd5071a37a39de902c7141", start_time: String(chinaMs("2026-12-23", "15:20")), end_time: "0",
    form: JSON.stringify([
      { id: "widget1", name: "客户", type: "input", value: "ACME" },
      { id: "widget2", name: "费用明细", type: "fieldList", value: [[
        { id: "widget3", name: "费用类型", type: "radioV2", value: "交通费" },
        { id: "widget4", name: "金额", type: "amount", value: "58" },
        { id: "widget5", name: "日期", type: "date", value: "2026-12-23T00:00:00+08:00" },
        { id: "widget6", name: "发票号码", type: "input", value: "" },
        { id: "widget7", name: "说明", type: "textarea", value: "ACME浦东办公室" },
      ]] },
    ]),
    timeline: [{ type: "START", user_id: "f7cb567e", create_time: String(chinaMs("2026-12-23", "15:20")) }],
  } },
];

const EKUAIBAO = { value: {
  pipeline: 1, version: 3, active: true, createTime: chinaMs("2026-12-22", "08:55"), updateTime: chinaMs("2026-12-24", "10:15"), corporationId: "djg8LshfUkfM00",
  form: {
    code: "B26000123", title: "蓝海物流季度回访",
    details: [{
      feeTypeId: "djg8LshfUkfM00:traffic",
      feeTypeForm: {
        amount: { standard: "66.00", standardUnit: "元", standardScale: 2, standardSymbol: "¥", standardNumCode: "156", standardStrCode: "CNY" },
        feeDate: chinaMs("2026-12-22"), detailId: "g8Ub7AO5So4k00", attachments: [],
        invoiceForm: { type: "exist", invoices: [{ itemIds: ["vIQbn1VrPkvc00"], invoiceId: "djg8LshfUkfM00:044002500111:80430041" }] },
        consumptionReasons: "蓝海物流深圳仓往返",
      },
      specificationId: "djg8LshfUkfM00:traffic:expense:f284154aee2445c230a436cc44798ada2becf250",
      feeType: { id: "djg8LshfUkfM00:traffic", name: "交通费", parentId: "", active: true, code: "COST2" },
    }],
    payMoney: { standard: "66.00", standardStrCode: "CNY" }, submitDate: chinaMs("2026-12-22", "08:55"), description: "",
    expenseDate: chinaMs("2026-12-22"), submitterId: "djg8LshfUkfM00:Dwk7NVkt7o1E02", expenseDepartment: "djg8LshfUkfM00:D02",
  },
  ownerId: "djg8LshfUkfM00:Dwk7NVkt7o1E02", ownerDefaultDepartment: "djg8LshfUkfM00:D02", state: "paying", flowType: "freeflow", formType: "expense",
  logs: [
    { action: "freeflow.submit", state: "approving", operatorId: "djg8LshfUkfM00:Dwk7NVkt7o1E02", time: chinaMs("2026-12-22", "08:55"), attributes: { nodeId: "SUBMIT", comment: "" } },
    { action: "freeflow.agree", state: "paying", operatorId: "djg8LshfUkfM00:Dwk7NVkt7o1E05", time: chinaMs("2026-12-24", "10:15"), attributes: { comment: "同意" } },
  ],
  id: "lrMb7AO5So2800",
} };

const MAP = `# How the sample exports become claims of samples/customer-fees-2026.beancount.
# (A starter for your own: feeledger import --init EXPORT --from SOURCE.)
prefix: ""
currency: CNY

# Expense category (费用类型) -> account
accounts:
  交通费: Expenses:6602-管理费用:01-客户管理费:01-客户拜访
  差旅费: Expenses:6602-管理费用:01-客户管理费:01-客户拜访
  客户礼品: Expenses:6602-管理费用:01-客户管理费:03-客户礼品
  会务费: Expenses:6602-管理费用:01-客户管理费:02-客户活动
  业务招待费: Expenses:6602-管理费用:02-业务招待费

# Claimant -> the payable the claim credits (其他应付款, one per employee)
payables:
  王伟: Liabilities:2241-其他应付款:E01-王伟
  李娜: Liabilities:2241-其他应付款:E02-李娜
  张磊: Liabilities:2241-其他应付款:E03-张磊
  刘洋: Liabilities:2241-其他应付款:E04-刘洋
  陈静: Liabilities:2241-其他应付款:E05-陈静
  赵敏: Liabilities:2241-其他应付款:E06-赵敏

# People and departments that 飞书's and 易快报's APIs give as ids
names:
  f7cb567e: 王伟
  9e2b3c4d: 赵敏
  od-4e6ac4d14bcd5071a37a39de902c7141: 华东销售部
  "djg8LshfUkfM00:Dwk7NVkt7o1E02": 李娜
  "djg8LshfUkfM00:Dwk7NVkt7o1E05": 钱坤
  "djg8LshfUkfM00:D02": 华南销售部
`;

/** A large 钉钉 export for the benchmark: `documents` documents of 10 lines each, every tenth one still running. */
function benchWorkbook(documents) {
  const people = [["王伟", "华东销售部"], ["李娜", "华南销售部"], ["张磊", "大客户部"], ["刘洋", "客户成功部"], ["陈静", "市场部"]];
  const list = [];
  for (let n = 0; n < documents; n++) {
    const [claimant, department] = people[n % people.length];
    const day = `2026-${String(1 + (n % 11)).padStart(2, "0")}-${String(1 + (n % 27)).padStart(2, "0")}`;
    const lines = [];
    for (let l = 0; l < 10; l++) {
      // Half the amounts number cells, half text with a thousands separator and 元.
      lines.push({ category: l % 3 === 0 ? "业务招待费" : "交通费", amount: l % 2 === 0 ? 10 + (n % 90) + l / 4 : `1,${String(n % 1000).padStart(3, "0")}.50元`,
        date: day, invoice: `27${String(n).padStart(12, "0")}${String(l).padStart(6, "0")}`, note: `第${l + 1}项` });
    }
    const running = n % 10 === 9;
    list.push({ id: `2026${String(n).padStart(17, "0")}`, title: `客户拜访 ${n}`, status: running ? "审批中" : "完成", result: running ? "" : "同意",
      started: `${day} 09:00`, finished: running ? null : `${day} 18:00`, claimant, department, approvers: running ? "" : "周建国", customer: "ACME", lines });
  }
  return dingtalkWorkbook(list, { repeatHeaderFields: false });
}

const args = process.argv.slice(2);
const bench = args.indexOf("--bench");
if (bench >= 0) {
  const dir = args[bench + 1];
  const count = args.includes("--documents") ? Number(args[args.indexOf("--documents") + 1]) : 10_000;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "bench.xlsx"), benchWorkbook(count));
  writeFileSync(join(dir, "bench-map.yaml"), MAP.replace(/\n# People[\s\S]*$/, "\n").replace('prefix: ""', 'prefix: "B-"'));
  process.stdout.write(`wrote ${join(dir, "bench.xlsx")} (${count} documents, ${count * 10} detail rows)\n`);
} else {
  const out = join(root, "samples", "import");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "dingtalk.xlsx"), dingtalkWorkbook(DINGTALK, { repeatHeaderFields: false }));
  writeFileSync(join(out, "dingtalk-gbk.csv"), dingtalkCsv());
  writeFileSync(join(out, "feishu.json"), JSON.stringify(FEISHU, null, 2) + "\n");
  writeFileSync(join(out, "ekuaibao.json"), JSON.stringify(EKUAIBAO, null, 2) + "\n");
  writeFileSync(join(out, "map.yaml"), MAP);
  process.stdout.write(`wrote ${out}\n`);
}

// The starter map of each sample export, as `feeledger import --init` prints it (needs a build).
if (bench < 0) {
  const { execFileSync } = await import("node:child_process");
  const starters = [["dingtalk.xlsx", "dingtalk"], ["feishu.json", "feishu"], ["ekuaibao.json", "ekuaibao"]];
  for (const [file, source] of starters) {
    const text = execFileSync(process.execPath, [join(root, "bin", "feeledger"), "import", "--init", `samples/import/${file}`, "--from", source], { cwd: root, encoding: "utf8" });
    writeFileSync(join(root, "samples", "import", `${source}-starter.yaml`), text);
  }
}
