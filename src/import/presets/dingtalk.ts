// 钉钉 OA审批. The admin console's export (审批 → 数据导出) has the system columns (审批编号, 标题,
// 审批状态, 审批结果, 发起时间, 完成时间, 发起人姓名, 发起人部门, 历史审批人姓名, ...) and the form's
// own fields; a detail table (明细) becomes one row per line, under a two-row header in newer
// exports. The API: `topapi/processinstance/get` (snake_case, `process_instance`) and
// `v1.0/workflow/processInstances` (camelCase, `result`), each with the form's components
// (`form_component_values`: a TableField's value is JSON, a list of rows of {label, value}) and
// the approval records (`operation_records`: EXECUTE_TASK_NORMAL with AGREE). See docs/IMPORT.md.
import { COMMON_STATUS_WORDS, LINE_FIELDS, DOCUMENT_FIELDS, type Field } from "../fields.js";
import type { RawApprover, RawDocument, RawFields } from "../document.js";
import { addFormValue, withFormLine, documentsOf, either, fieldOfName, jsonCell, parsedJson, type Preset } from "./preset.js";

const COLUMNS = {
  id: ["审批编号", "审批单号", "businessId", "business_id"],
  title: ["标题", "审批标题"],
  date: ["发起时间", "审批发起时间", "创建时间"],
  finished: ["完成时间", "审批完成时间", "结束时间"],
  claimant: ["发起人姓名", "发起人", "申请人"],
  department: ["发起人部门", "部门", "所在部门"],
  customer: ["客户", "客户名称"],
  approvers: ["历史审批人姓名", "历史审批人", "审批人"],
  status: ["审批状态", "状态"],
  result: ["审批结果", "结果"],
  category: ["费用类型", "费用类别", "报销类型"],
  amount: ["金额", "金额（元）", "金额(元)", "报销金额", "报销金额（元）"],
  "detail-date": ["日期", "发生日期", "费用日期"],
  invoice: ["发票号码", "发票号"],
  narration: ["说明", "费用说明", "备注"],
} as const;

export const DINGTALK: Preset = {
  source: "dingtalk",
  label: "钉钉",
  columns: COLUMNS,
  statuses: {
    approved: [...COMMON_STATUS_WORDS.approved, "COMPLETED", "agree"],
    running: [...COMMON_STATUS_WORDS.running, "RUNNING", "NEW"],
    rejected: [...COMMON_STATUS_WORDS.rejected, "refuse"],
    withdrawn: [...COMMON_STATUS_WORDS.withdrawn, "TERMINATED", "CANCELED"],
  },
  fromJson: dingtalkDocuments,
};

function dingtalkDocuments(value: unknown, file: string): RawDocument[] {
  return documentsOf(value).map((answer, index) => {
    const number = index + 1;
    // processinstance/get answers {errcode, process_instance}; v1.0 answers {success, result}.
    const instance = either(answer, "process_instance", "result") ?? answer;
    const cell = (path: string, ...keys: string[]) => jsonCell(either(instance, ...keys), file, number, path);
    const fields: RawFields = {
      id: cell("business_id", "business_id", "businessId"),
      title: cell("title", "title"),
      date: cell("create_time", "create_time", "createTime"),
      finished: cell("finish_time", "finish_time", "finishTime"),
      claimant: cell("originator_userid", "originator_userid", "originatorUserId"),
      department: cell("originator_dept_name", "originator_dept_name", "originatorDeptName", "originator_dept_id", "originatorDeptId"),
      status: cell("status", "status"),
      result: cell("result", "result"),
    };
    const lines: RawFields[] = [];
    const formLine: RawFields = {};
    const components = either(instance, "form_component_values", "formComponentValues");
    const list = Array.isArray(components) ? components : [];
    list.forEach((component, componentIndex) => {
      const name = String(either(component, "name") ?? "");
      const type = String(either(component, "component_type", "componentType") ?? "");
      const path = `form_component_values[${componentIndex}]`;
      if (type === "TableField") {
        const rows = parsedJson(either(component, "value"));
        (Array.isArray(rows) ? rows : []).forEach((row, rowIndex) => {
          const line: RawFields = {};
          const values = either(row, "rowValue");
          (Array.isArray(values) ? values : []).forEach((entry, entryIndex) => {
            const label = String(either(entry, "label") ?? "");
            const lineField = fieldOfName(label, COLUMNS, LINE_FIELDS) as Field | null;
            if (lineField !== null) line[lineField] = jsonCell(either(entry, "value"), file, number, `${path}.value[${rowIndex}].rowValue[${entryIndex}] (${label})`);
          });
          lines.push(line);
        });
        return;
      }
      const formField = fieldOfName(name, COLUMNS, [...DOCUMENT_FIELDS, ...LINE_FIELDS]) as Field | null;
      if (formField === null) return;
      const formCell = jsonCell(either(component, "value"), file, number, `${path} (${name})`);
      addFormValue(fields, formLine, formField, formCell);
    });
    const records = either(instance, "operation_records", "operationRecords");
    const approvers: RawApprover[] = [];
    (Array.isArray(records) ? records : []).forEach((record, recordIndex) => {
      const type = String(either(record, "operation_type", "type") ?? "");
      const result = String(either(record, "operation_result", "result") ?? "");
      if (!/^EXECUTE_TASK_(NORMAL|AGENT)$/.test(type) || result !== "AGREE") return;
      const path = `operation_records[${recordIndex}]`;
      approvers.push({ name: jsonCell(either(record, "userid", "userId"), file, number, `${path}.userid`), on: jsonCell(either(record, "date"), file, number, `${path}.date`) });
    });
    return { fields, lines: withFormLine(lines, formLine), approvers, currency: null, place: { file, row: number, column: "business_id" }, problems: [] };
  });
}
