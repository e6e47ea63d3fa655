// Exports built the way each system writes them, for the import tests, and a fresh copy of samples/.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const XLSX = require("@e965/xlsx") as typeof import("@e965/xlsx");
const iconv = require("iconv-lite") as typeof import("iconv-lite");

export const root = new URL("../../", import.meta.url).pathname;

/** A copy of samples/ in a new folder; the paths of its journal, map and a new claim file. */
export function sampleCopy(): { dir: string; books: string; map: string; target: string; claims: string } {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-import-"));
  cpSync(join(root, "samples"), join(dir, "samples"), { recursive: true });
  return {
    dir,
    books: join(dir, "samples", "customer-fees-2026.beancount"),
    map: join(dir, "samples", "import", "map.yaml"),
    target: join(dir, "samples", "claims", "import.beancount"),
    claims: join(dir, "samples", "claims"),
  };
}

export type Cell = string | number | null;

/** A workbook of one sheet from rows (strings as text cells, numbers as number cells). */
export function writeXlsx(file: string, rows: readonly (readonly Cell[])[], bookType: "xlsx" | "xls" = "xlsx"): void {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => [...row]));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, "Sheet1");
  writeFileSync(file, XLSX.write(workbook, { type: "buffer", bookType }) as Buffer);
}

/** A CSV in GB18030 (as Excel saves one on Chinese Windows), CRLF. */
export function writeGbkCsv(file: string, rows: readonly (readonly string[])[]): void {
  const text = rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\r\n") + "\r\n";
  writeFileSync(file, iconv.encode(text, "gb18030"));
}

export const CLASSIC_HEADER = ["审批编号", "标题", "审批状态", "审批结果", "审批发起时间", "审批完成时间", "发起人姓名", "发起人部门", "历史审批人姓名", "客户", "费用类别", "金额", "发生日期", "发票号码", "说明"];

/** 钉钉's processinstance/get answer (snake_case). */
export function dingtalkGetAnswer(options: { id: string; status: string; result: string; lines: { category: string; amount: string; date: string; invoice: string }[]; approver?: string }) {
  return {
    errcode: 0,
    process_instance: {
      title: "王伟提交的报销", create_time: "2026-12-10 09:00:00", finish_time: options.status === "COMPLETED" ? "2026-12-11 10:00:00" : "",
      originator_userid: "u-wangwei", originator_dept_id: "1", originator_dept_name: "华东销售部", status: options.status, result: options.result, business_id: options.id,
      form_component_values: [
        { component_type: "TextField", name: "客户", value: "ACME", id: "TextField-1" },
        { component_type: "TableField", name: "费用明细", id: "TableField-1", value: JSON.stringify(options.lines.map((line, index) => ({
          rowNumber: `TableField-1_${index}`,
          rowValue: [
            { label: "费用类型", value: line.category, key: "DDSelectField-1" },
            { label: "金额（元）", value: line.amount, key: "MoneyField-1" },
            { label: "日期", value: line.date, key: "DDDateField-1" },
            { label: "发票号码", value: line.invoice, key: "TextField-2" },
          ],
        }))) },
      ],
      operation_records: [
        { userid: "u-wangwei", date: "2026-12-10 09:00:00", operation_type: "START_PROCESS_INSTANCE", operation_result: "NONE" },
        ...(options.approver === undefined ? [] : [{ userid: options.approver, date: "2026-12-11 10:00:00", operation_type: "EXECUTE_TASK_NORMAL", operation_result: "AGREE" }]),
      ],
    },
  };
}

/** 钉钉's v1.0/workflow/processInstances answer (camelCase, UTC times). */
export function dingtalkV1Answer(id: string) {
  return {
    success: true,
    result: {
      title: "张磊提交的报销", createTime: "2026-12-12T01:30Z", finishTime: "2026-12-12T16:30Z", originatorUserId: "u-zhanglei", originatorDeptName: "大客户部",
      status: "COMPLETED", result: "agree", businessId: id,
      formComponentValues: [
        { componentType: "TextField", name: "客户名称", value: "北辰医药" },
        { componentType: "TableField", name: "明细", value: JSON.stringify([{ rowValue: [
          { label: "费用类别", value: "业务招待费" }, { label: "金额", value: "2,060.00" }, { label: "发生日期", value: "2026-12-12" }, { label: "发票号码", value: "26312071475399000002" },
        ] }]) },
      ],
      operationRecords: [
        { userId: "u-zhanglei", date: "2026-12-12T01:30Z", type: "START_PROCESS_INSTANCE", result: "NONE" },
        { userId: "u-sunqiang", date: "2026-12-12T16:30Z", type: "EXECUTE_TASK_NORMAL", result: "AGREE" },
      ],
    },
  };
}

export const API_NAMES = `names:
  u-wangwei: 王伟
  u-zhanglei: 张磊
  u-sunqiang: 孙强
  u-zhaomin: 赵敏
`;
