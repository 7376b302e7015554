// The bureau server's JSON API as the pane uses it (docs/api.md, docs/addin.md):
//   POST {base}/api/v1/validate?filename=<name>  body: the .xlsx bytes; X-Huizong-Secret when
//                                                known (checks against the school's collection)
//   POST {base}/api/v1/submit?filename=<name>    same, X-Huizong-Secret required -> new version
//   GET  {base}/api/v1/status                    X-Huizong-Secret                -> status
//   POST {base}/api/v1/session                   form school=<学校标识码>&code=<访问码>
//                                                -> {secret}: a session secret for the calls above
// A remembered access code (credentials.mjs) is exchanged for a session secret on first use and
// again when the server no longer knows the session (it lasts 12 hours).
// No DOM, no Office: `fetch` is passed in, so node tests can record requests.

import { fromStored } from "./credentials.mjs";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const SECRET_HEADER = "X-Huizong-Secret";

/** A failed call; `message` is Chinese and complete, ready for the pane. */
export class ApiError extends Error {
  /**
   * @param status the HTTP status, or 0 when the server was not reached
   * @param body the parsed JSON body of an error answer, when there was one
   */
  constructor(message, status, body = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
}

/**
 * The API base of the server that served the page: the page lives at {base}/addin/taskpane.html,
 * so the API is at {base}/api/v1/ whatever path prefix a reverse proxy adds.
 */
export function apiBaseFor(pageUrl) {
  return new URL("../api/v1/", pageUrl).href;
}

/**
 * @param base the API base URL ending in `/api/v1/` (see apiBaseFor)
 * @param fetchImpl the fetch function to call
 */
export function createApi(base, fetchImpl) {
  if (typeof fetchImpl !== "function") {
    throw new TypeError("createApi needs a fetch function");
  }
  const call = async (path, init) => {
    let response;
    try {
      response = await fetchImpl(new URL(path, base).href, init);
    } catch (e) {
      throw new ApiError(`无法连接汇总服务器（${new URL(base).origin}）：请检查网络，`
        + "或请教育局确认服务器已开启。", 0);
    }
    return readAnswer(response);
  };
  /** Session secrets by remembered access code. */
  const sessions = new Map();
  const keyOf = async (stored) => {
    const c = fromStored(String(stored ?? "").trim());
    if (c.kind === "secret") {
      return checkedSecret(c.secret);
    }
    if (!sessions.has(stored)) {
      const answer = await call("session", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: new URLSearchParams({ school: c.school, code: c.code }).toString(),
      });
      sessions.set(stored, checkedSecret(answer.secret));
    }
    return sessions.get(stored);
  };
  /** Sends with the credential's secret; an expired session is renewed once. */
  const keyed = async (stored, send) => {
    const cached = sessions.has(stored);
    try {
      return await send(await keyOf(stored));
    } catch (e) {
      if (!(cached && e instanceof ApiError && e.status === 401)) {
        throw e;
      }
      sessions.delete(stored);
      return send(await keyOf(stored));
    }
  };
  return {
    /**
     * Validates a workbook without storing it; with the school's secret (optional) the server
     * checks it against that school's collection rather than the newest one.
     */
    async validate(bytes, fileName, secret = "") {
      const headers = { "Content-Type": XLSX_TYPE, Accept: "application/json" };
      if (!secret) {
        return call(withName("validate", fileName), { method: "POST", headers, body: bytes });
      }
      return keyed(secret, (key) => call(withName("validate", fileName), {
        method: "POST", headers: { ...headers, [SECRET_HEADER]: key }, body: bytes,
      }));
    },
    /** Submits a workbook as the school the secret belongs to. */
    async submit(bytes, fileName, secret) {
      return keyed(secret, (key) => call(withName("submit", fileName), {
        method: "POST",
        headers: {
          "Content-Type": XLSX_TYPE,
          Accept: "application/json",
          [SECRET_HEADER]: key,
        },
        body: bytes,
      }));
    },
    /** The school's submission status. */
    async status(secret) {
      return keyed(secret, (key) => call("status", {
        method: "GET",
        headers: { Accept: "application/json", [SECRET_HEADER]: key },
      }));
    },
  };
}

function withName(path, fileName) {
  return fileName ? `${path}?filename=${encodeURIComponent(fileName)}` : path;
}

/**
 * The secret as it goes into the header: HTTP header values are Latin-1, so a secret with other
 * characters (a stray full-width letter from a Chinese input method) is refused here with a
 * message the clerk can act on, rather than by the browser with a TypeError.
 */
export function checkedSecret(secret) {
  const s = String(secret ?? "").trim();
  if (s === "") {
    throw new ApiError("请先输入学校密钥（教育局下发给本校的上报密钥）。", 0);
  }
  if (!/^[\x21-\x7e]+$/.test(s)) {
    throw new ApiError("学校密钥只能包含英文字母、数字和符号，请检查是否误输入了全角字符或空格。", 0);
  }
  return s;
}

async function readAnswer(response) {
  const text = await response.text();
  let body = null;
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch (e) {
      body = null;
    }
  }
  if (response.ok) {
    if (body === null || typeof body !== "object") {
      throw new ApiError(`服务器的回答无法识别（HTTP ${response.status}），`
        + "请确认加载项地址指向教育局的汇总服务器。", response.status);
    }
    return body;
  }
  throw new ApiError(errorMessage(response.status, body), response.status, body);
}

/** The server's own message when it gave one, else a Chinese message by status. */
export function errorMessage(status, body) {
  const own = body && (body.message || body.error);
  if (typeof own === "string" && /[\u4e00-\u9fff]/.test(own)) {
    return own;
  }
  switch (status) {
    case 400:
      return "服务器无法读取这个文件：请确认它是教育局下发的 .xlsx 报表模板。";
    case 401:
    case 403:
      return "学校密钥不正确或已停用，请核对教育局下发的密钥后重新输入。";
    case 404:
      return "服务器上找不到这个功能（HTTP 404），请联系教育局确认服务器版本。";
    case 409:
      return "现在不能提交：本期报表已通过审核或上报已截止，如需修改请联系教育局。";
    case 413:
      return "文件太大，服务器拒绝接收：请删除报表中多余的图片或工作表后再试。";
    case 415:
      return "只能上传 .xlsx 格式的报表，请用 Excel 或 WPS 另存为 .xlsx 后再试。";
    case 422:
      return "报表有错误，未能提交：请按下方列出的问题修改后重新提交。";
    case 429:
      return "操作太频繁，请稍等一分钟后再试。";
    default:
      if (status >= 500) {
        return `汇总服务器出错（HTTP ${status}），请稍后再试；如果一直出错，请联系教育局。`;
      }
      return `请求失败（HTTP ${status}），请稍后再试或联系教育局。`;
  }
}
