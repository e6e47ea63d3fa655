// 易快报 (合思). The console's export of 报销单 has 单据编号, 标题, 提交人, 提交日期, 报销部门, 单据状态
// and one row per 费用明细 (费用类型, 报销金额, 消费日期, 发票号码, 消费事由). The API:
// `/api/openapi/v1.1/flowDetails` answers {value: flow}: `form.code` the document number,
// `form.submitterId`, `form.submitDate` (milliseconds), `form.details[]` with `feeType.name` and
// `feeTypeForm.amount.standard` (text, with `standardStrCode` the currency), `feeTypeForm.feeDate`,
// `feeTypeForm.invoiceForm.invoices[].invoiceId` (corporation:code:number) and
// `feeTypeForm.consumptionReasons`; `state` (approving, paying, paid, archived, rejected, ...) and
// `logs` (action freeflow.agree: an approval, with `operatorId` and `time`). People are ids: the
// map's `names` names them.
import { COMMON_STATUS_WORDS } from "../fields.js";
import type { RawApprover, RawCell, RawDocument, RawFields } from "../document.js";
import { documentsOf, either, field, jsonCell, type Preset } from "./preset.js";

const COLUMNS = {
  id: ["单据编号", "单号", "code"],
  title: ["标题", "单据标题"],
  date: ["提交日期", "提交时间", "报销日期"],
  finished: ["审批完成时间", "完成时间", "支付时间"],
  claimant: ["提交人", "报销人", "申请人"],
  department: ["报销部门", "部门", "提交人部门"],
  customer: ["客户", "客户名称"],
  approvers: ["审批人", "历史审批人"],
  status: ["单据状态", "状态", "审批状态"],
  result: ["审批结果"],
  category: ["费用类型", "费用类别"],
  amount: ["报销金额", "金额", "金额（元）", "金额(元)", "费用金额"],
  "detail-date": ["消费日期", "费用日期", "日期", "发生日期"],
  invoice: ["发票号码", "发票号"],
  narration: ["消费事由", "说明", "备注"],
} as const;

export const EKUAIBAO: Preset = {
  source: "ekuaibao",
  label: "易快报",
  columns: COLUMNS,
  statuses: {
    approved: [...COMMON_STATUS_WORDS.approved, "待支付", "支付中", "已支付", "已归档", "寄送中", "收单中", "paying", "PROCESSING", "paid", "archived", "sending", "receiving"],
    running: [...COMMON_STATUS_WORDS.running, "提交中", "pending", "approving"],
    rejected: [...COMMON_STATUS_WORDS.rejected, "rejected"],
    withdrawn: [...COMMON_STATUS_WORDS.withdrawn, "draft", "retract"],
  },
  fromJson: ekuaibaoDocuments,
};

/** `corporation:code:number` of an invoiceId -> `code-number`; a 数电发票's single number as it is. */
function fapiaoOfInvoiceId(id: unknown): unknown {
  if (typeof id !== "string") return id;
  const parts = id.split(":").slice(1);
  if (parts.length === 2) return `${parts[0]}-${parts[1]}`;
  if (parts.length === 1) return parts[0];
  return id;
}

function ekuaibaoDocuments(value: unknown, file: string): RawDocument[] {
  return documentsOf(value).map((answer, index) => {
    const number = index + 1;
    const flow = either(answer, "value") ?? answer;
    const form = field(flow, "form");
    const cell = (path: string, found: unknown): RawCell => jsonCell(found, file, number, path);
    const logs = either(flow, "logs");
    const approvers: RawApprover[] = [];
    let finished: RawCell | undefined;
    (Array.isArray(logs) ? logs : []).forEach((log, logIndex) => {
      if (either(log, "action") !== "freeflow.agree") return;
      const path = `logs[${logIndex}]`;
      const on = cell(`${path}.time`, either(log, "time"));
      approvers.push({ name: cell(`${path}.operatorId`, either(log, "operatorId")), on });
      finished = on;
    });
    const fields: RawFields = {
      id: cell("form.code", field(form, "code")),
      title: cell("form.title", field(form, "title")),
      date: cell("form.submitDate", field(form, "submitDate")),
      claimant: cell("form.submitterId", either(form, "submitterId") ?? either(flow, "ownerId")),
      department: cell("form.expenseDepartment", field(form, "expenseDepartment")),
      status: cell("state", either(flow, "state")),
      ...(finished === undefined ? {} : { finished }),
    };
    const details = field(form, "details");
    const lines: RawFields[] = [];
    let currency: RawCell | null = null;
    (Array.isArray(details) ? details : []).forEach((detail, detailIndex) => {
      const path = `form.details[${detailIndex}]`;
      const fee = field(detail, "feeTypeForm");
      const invoices = field(fee, "invoiceForm", "invoices");
      const firstInvoice = Array.isArray(invoices) && invoices.length > 0 ? fapiaoOfInvoiceId(field(invoices[0], "invoiceId")) : either(fee, "invoice");
      currency ??= cell(`${path}.feeTypeForm.amount.standardStrCode`, field(fee, "amount", "standardStrCode"));
      lines.push({
        category: cell(`${path}.feeType.name`, field(detail, "feeType", "name") ?? field(detail, "feeTypeId")),
        amount: cell(`${path}.feeTypeForm.amount.standard`, field(fee, "amount", "standard")),
        "detail-date": cell(`${path}.feeTypeForm.feeDate`, field(fee, "feeDate")),
        invoice: cell(`${path}.feeTypeForm.invoiceForm.invoices[0].invoiceId`, firstInvoice === "1" ? undefined : firstInvoice),
        narration: cell(`${path}.feeTypeForm.consumptionReasons`, field(fee, "consumptionReasons")),
      });
    });
    return { fields, lines, approvers, currency, place: { file, row: number, column: "form.code" }, problems: [] };
  });
}
