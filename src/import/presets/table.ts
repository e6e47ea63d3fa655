// Any spreadsheet: the columns are the ones the map names (`columns:`), with a few common names
// as a start. Status words are the common ones; a document without status columns arrives
// submitted (approve it with `feeledger approve`).
import { COMMON_STATUS_WORDS } from "../fields.js";
import type { Preset } from "./preset.js";

export const TABLE: Preset = {
  source: "table",
  label: "table",
  columns: {
    id: ["单号", "编号", "id"],
    claimant: ["报销人", "claimant"],
    category: ["费用类型", "category"],
    amount: ["金额", "amount"],
    date: ["日期", "date"],
  },
  statuses: COMMON_STATUS_WORDS,
  fromJson: null,
};
