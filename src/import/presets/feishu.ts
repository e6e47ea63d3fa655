// 飞书审批. The admin console's export has 审批编号, 标题, 申请状态 (审批中, 已通过, 已拒绝, 已撤回),
// 发起人, 发起时间, 完成时间, 部门 and the form's fields. The API: `approval/v4/instances/:id`
// answers {code, data} with `serial_number`, `status` (PENDING, APPROVED, REJECTED, CANCELED,
// DELETED), `start_time`/`end_time` (milliseconds, as text; "0" while running), `user_id`,
// `department_id`, `form` (JSON text: a list of widgets {name, type, value}; a `fieldList` widget's
// value is a list of lines, each a list of widgets) and `timeline` (type PASS: an approval, with
// `user_id` and `create_time`). People and departments come as ids: the map's `names` names them.
import { COMMON_STATUS_WORDS, DOCUMENT_FIELDS, LINE_FIELDS, type Field } from "../fields.js";
import type { RawApprover, RawDocument, RawFields } from "../document.js";
import { addFormValue, withFormLine, documentsOf, either, fieldOfName, jsonCell, parsedJson, type Preset } from "./preset.js";

const COLUMNS = {
  id: ["审批编号", "审批单号", "serial_number"],
  title: ["标题", "审批名称"],
  date: ["发起时间", "申请时间", "提交时间"],
  finished: ["完成时间", "审批完成时间", "结束时间"],
  claimant: ["发起人", "申请人", "发起人姓名"],
  department: ["部门", "发起人部门", "申请人部门"],
  customer: ["客户", "客户名称"],
  approvers: ["审批人", "历史审批人", "历史审批人姓名"],
  status: ["申请状态", "审批状态", "状态"],
  result: ["审批结果", "结果"],
  category: ["费用类型", "费用类别", "报销类型"],
  amount: ["金额", "金额（元）", "金额(元)", "报销金额"],
  "detail-date": ["日期", "发生日期", "费用日期"],
  invoice: ["发票号码", "发票号"],
  narration: ["说明", "费用说明", "备注"],
} as const;

export const FEISHU: Preset = {
  source: "feishu",
  label: "飞书",
  columns: COLUMNS,
  statuses: {
    approved: [...COMMON_STATUS_WORDS.approved, "APPROVED"],
    running: [...COMMON_STATUS_WORDS.running, "PENDING"],
    rejected: [...COMMON_STATUS_WORDS.rejected, "REJECTED"],
    withdrawn: [...COMMON_STATUS_WORDS.withdrawn, "CANCELED", "DELETED", "REVERTED"],
  },
  fromJson: feishuDocuments,
};

/** `end_time` is "0" while an instance runs. */
const unset = (value: unknown) => (value === "0" || value === 0 ? undefined : value);

function feishuDocuments(value: unknown, file: string): RawDocument[] {
  return documentsOf(value).map((answer, index) => {
    const number = index + 1;
    const instance = either(answer, "data") ?? answer;
    const cell = (path: string, ...keys: string[]) => jsonCell(either(instance, ...keys), file, number, path);
    const fields: RawFields = {
      id: cell("serial_number", "serial_number"),
      title: cell("approval_name", "approval_name"),
      date: cell("start_time", "start_time"),
      finished: jsonCell(unset(either(instance, "end_time")), file, number, "end_time"),
      claimant: cell("user_id", "user_id", "open_id"),
      department: cell("department_id", "department_id"),
      status: cell("status", "status"),
    };
    const lines: RawFields[] = [];
    const formLine: RawFields = {};
    const form = parsedJson(either(instance, "form"));
    (Array.isArray(form) ? form : []).forEach((widget, widgetIndex) => {
      const name = String(either(widget, "name") ?? "");
      const type = String(either(widget, "type") ?? "");
      const path = `form[${widgetIndex}]`;
      if (type === "fieldList") {
        const rows = either(widget, "value");
        (Array.isArray(rows) ? rows : []).forEach((row, rowIndex) => {
          const line: RawFields = {};
          (Array.isArray(row) ? row : []).forEach((inner, innerIndex) => {
            const label = String(either(inner, "name") ?? "");
            const lineField = fieldOfName(label, COLUMNS, LINE_FIELDS) as Field | null;
            if (lineField !== null) line[lineField] = jsonCell(either(inner, "value"), file, number, `${path}.value[${rowIndex}][${innerIndex}] (${label})`);
          });
          lines.push(line);
        });
        return;
      }
      const formField = fieldOfName(name, COLUMNS, [...DOCUMENT_FIELDS, ...LINE_FIELDS]) as Field | null;
      if (formField === null) return;
      const formCell = jsonCell(either(widget, "value"), file, number, `${path} (${name})`);
      addFormValue(fields, formLine, formField, formCell);
    });
    const timeline = either(instance, "timeline");
    const approvers: RawApprover[] = [];
    (Array.isArray(timeline) ? timeline : []).forEach((event, eventIndex) => {
      if (either(event, "type") !== "PASS") return;
      const path = `timeline[${eventIndex}]`;
      approvers.push({ name: jsonCell(either(event, "user_id", "open_id"), file, number, `${path}.user_id`), on: jsonCell(either(event, "create_time"), file, number, `${path}.create_time`) });
    });
    return { fields, lines: withFormLine(lines, formLine), approvers, currency: null, place: { file, row: number, column: "serial_number" }, problems: [] };
  });
}
