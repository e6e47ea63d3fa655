// no-customer: a visit or an event that names no customer: a posting under the root, in a category
// whose name has 拜访, 活动, visit or event (or under `account`), without `customer` on the posting or
// its transaction. Found at the posting.
import { isUnder } from "../core/accounts.js";
import { claimId, entryMetaText } from "../claims/claim.js";
import { touches } from "./claims.js";
import { postingValue } from "../allocation/allocator.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";
import { inRange } from "../reports/periods.js";

const NAME = "no-customer";
const VISIT_OR_EVENT = /拜访|活动|visit|event/i;

export const NO_CUSTOMER: AuditRule = {
  name: NAME,
  summary: "visits and events that name no customer",
  settings: { account: "account" },
  run(context) {
    const account = context.settings.account(NAME, "account");
    const covered = (name: string) => account !== null ? isUnder(name, account) : isUnder(name, context.root) && VISIT_OR_EVENT.test(name.slice(context.root.length));
    const findings: Finding[] = [];
    for (const entry of context.entries) {
      if (entry.type !== "transaction" || !inRange(entry.date, context.range)) continue;
      // A customer on the transaction names it for every posting; most transactions touch no visit or event.
      if (entryMetaText(entry, "customer") !== null || !touches(entry, covered)) continue;
      for (const posting of entry.booked) {
        if (!covered(posting.account) || postingValue(entry, posting, "customer") !== null) continue;
        findings.push({
          code: "no-customer", severity: "low", date: entry.date, span: posting.source.span, claim: claimId(entry), claimant: entryMetaText(entry, "claimant"),
          reason: `${posting.units.number.toFixed(posting.units.scale)} ${posting.units.currency} to ${posting.account} names no customer`,
        });
      }
    }
    return findings;
  },
};
