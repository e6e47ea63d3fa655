// calendar: claims dated on a public holiday (holiday, medium) or a weekend that is not a make-up
// working day (weekend, low), by China's official calendar (holidays-cn.ts). A year the calendar
// does not cover gets one finding (calendar-uncovered) at its first claim, instead of silence.
import type { AuditRule } from "./rule.js";
import type { Finding } from "./finding.js";
import { claimFinding } from "./claims.js";
import { dayKind } from "./holidays-cn.js";

const NAME = "calendar";
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const CALENDAR: AuditRule = {
  name: NAME,
  summary: "claims dated on weekends and on China's public holidays (the State Council's calendar, with 调休 working days)",
  settings: { weekends: "bool" },
  run(context) {
    const weekends = context.settings.bool(NAME, "weekends", true);
    const findings: Finding[] = [];
    const uncovered = new Set<string>();
    for (const claim of context.claims) {
      const kind = dayKind(claim.date);
      if (kind.kind === "holiday") {
        findings.push(claimFinding("holiday", "medium", claim, `dated ${claim.date}, a public holiday (${kind.name})`));
      } else if (kind.kind === "weekend" && weekends) {
        findings.push(claimFinding("weekend", "low", claim, `dated ${claim.date}, a ${WEEKDAYS[new Date(`${claim.date}T00:00:00Z`).getUTCDay()]} and not a working day`));
      } else if (kind.kind === "uncovered" && !uncovered.has(claim.date.slice(0, 4))) {
        uncovered.add(claim.date.slice(0, 4));
        findings.push(claimFinding("calendar-uncovered", "low", claim,
          `feeledger has no public-holiday calendar for ${claim.date.slice(0, 4)}: its weekends and holidays are not judged`));
      }
    }
    return findings;
  },
};
