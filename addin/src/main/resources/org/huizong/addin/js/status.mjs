// A school's submission status as the server's GET /api/v1/status (and POST /api/v1/submit)
// reports it, read into what the pane shows. Pure functions: no DOM, no Office.

/** The statuses the bureau server uses, with the tone the pane colours them in. */
export const STATUS_TONES = Object.freeze({
  未报: "neutral",
  有错误: "bad",
  待说明: "warn",
  已提交: "info",
  已退回: "bad",
  已通过: "good",
});

// The server speaks Chinese; these are accepted too in case an answer carries codes.
const CODES = Object.freeze({
  not_submitted: "未报",
  errors: "有错误",
  has_errors: "有错误",
  needs_explanation: "待说明",
  submitted: "已提交",
  returned: "已退回",
  accepted: "已通过",
  approved: "已通过",
});

/**
 * @param answer the status JSON; the pane reads `status`, `school` (name, or {code, name}),
 *     `schoolCode`, `collection`, `period`, `version`/`latestVersion`,
 *     `reason`/`returnReason`, `submittedAt`, and a nested `submission` object with the same
 *     fields when the server nests the latest submission
 * @returns {{status: string, tone: string, schoolName: string, schoolCode: string,
 *     collection: string, period: string, version: string, reason: string,
 *     submittedAt: string}} empty strings where the answer says nothing
 */
export function readStatus(answer) {
  const a = answer && typeof answer === "object" ? answer : {};
  const sub = a.submission && typeof a.submission === "object" ? a.submission : {};
  const pick = (...keys) => {
    for (const source of [a, sub]) {
      for (const k of keys) {
        const v = source[k];
        if (v !== undefined && v !== null && typeof v !== "object" && String(v).trim() !== "") {
          return String(v).trim();
        }
      }
    }
    return "";
  };
  const raw = pick("status", "state");
  const status = CODES[raw] ?? raw;
  const school = a.school && typeof a.school === "object" ? a.school : null;
  return {
    status,
    tone: STATUS_TONES[status] ?? "neutral",
    schoolName: school ? String(school.name ?? "") : pick("school", "schoolName"),
    schoolCode: school ? String(school.code ?? "") : pick("schoolCode", "unit"),
    collection: pick("collection"),
    period: pick("period"),
    version: pick("latestVersion", "version"),
    reason: status === "已退回" || pick("returnReason") !== "" ? pick("returnReason", "reason") : "",
    submittedAt: pick("submittedAt", "receivedAt"),
  };
}
