// A school's submission status as the server's GET /api/v1/status (and POST /api/v1/submit)
// reports it, read into what the pane shows. Pure functions: no DOM, no Office.
//
// The server answers (docs/api.md):
//   {"school":{"code","name",...}, "collection":{"id","standard","title","period","deadline"},
//    "status":"returned", "statusLabel":"已退回",
//    "latestVersion":{"version","fileName","uploadedAt",...} | null,
//    "review":{"decision","reason","at"} | null}
// and a submit answer carries "school", "version", "uploadedAt" and "status" at the top.

/** The statuses the bureau server uses, with the tone the pane colours them in. */
export const STATUS_TONES = Object.freeze({
  未报: "neutral",
  有错误: "bad",
  待说明: "warn",
  已报送待审核: "info",
  已退回: "bad",
  已通过: "good",
  已撤销通过: "warn",
});

/** The server's status keys (ReportStatus.key) and the words schools read. */
const KEYS = Object.freeze({
  none: "未报",
  error: "有错误",
  pending: "待说明",
  submitted: "已报送待审核",
  returned: "已退回",
  approved: "已通过",
  reopened: "已撤销通过",
});

const obj = (v) => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
const text = (...values) => {
  for (const v of values) {
    if (v !== undefined && v !== null && typeof v !== "object" && String(v).trim() !== "") {
      return String(v).trim();
    }
  }
  return "";
};

/**
 * @param answer the status (or submit) JSON
 * @param formatTime turns an ISO instant into the time the pane shows
 * @returns {{status: string, tone: string, schoolName: string, schoolCode: string,
 *     collection: string, collectionTitle: string, period: string, deadline: string,
 *     version: string, submittedAt: string, reason: string}} empty strings where the answer
 *     says nothing
 */
export function readStatus(answer, formatTime = localTime) {
  const a = obj(answer);
  const school = obj(a.school);
  const collection = obj(a.collection);
  const latest = obj(a.latestVersion);
  const review = obj(a.review);
  const key = text(a.status);
  const status = /[\u4e00-\u9fff]/.test(text(a.statusLabel)) ? text(a.statusLabel)
    : KEYS[key] ?? key;
  const at = text(latest.uploadedAt, a.uploadedAt);
  return {
    status,
    tone: STATUS_TONES[status] ?? "neutral",
    schoolName: text(school.name, typeof a.school === "string" ? a.school : ""),
    schoolCode: text(school.code, a.schoolCode),
    collection: text(collection.standard, typeof a.collection === "string" ? a.collection : ""),
    collectionTitle: text(collection.title),
    period: text(collection.period, a.period),
    deadline: text(collection.deadline),
    version: text(latest.version, a.version),
    submittedAt: at ? formatTime(at) : "",
    // A reason is shown only while the return stands returned; an old one is history.
    reason: status === "已退回" ? text(review.reason, a.reason) : "",
  };
}

/** An ISO instant as local `2024-07-05 10:12`; text that is not a date is kept as it is. */
export function localTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso);
  }
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} `
    + `${p(d.getHours())}:${p(d.getMinutes())}`;
}
