// What a school clerk types where the pane asks for the school's key, and how it is remembered.
// Accepted: the 8-character access code from the bureau's slip (the school code comes from the
// workbook, or is typed before it), a slip's QR link (…/school?code=<学校标识码>) followed by the
// access code, the school's upload link (…/s/<secret>) or its bare secret. No DOM, no network.

/** The access code's characters: no 0/O or 1/I/L look-alikes (server: SchoolAccessStore). */
export const ACCESS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_PREFIX = "code:";

/** A refused entry; `message` is Chinese and says what to type instead. */
export class CredentialError extends Error {
  constructor(message) {
    super(message);
    this.name = "CredentialError";
  }
}

/**
 * Reads what the clerk typed.
 *
 * @param text the input as typed (full-width characters from a Chinese input method are folded)
 * @param workbookSchool the open workbook's 学校标识码, or "" (a browser page has none)
 * @returns {{kind: "secret", secret: string} | {kind: "code", school: string, code: string}}
 * @throws CredentialError when it is none of the accepted forms
 */
export function parseCredential(text, workbookSchool = "") {
  const t = String(text ?? "").normalize("NFKC").trim();
  if (t === "") {
    throw new CredentialError("请输入通知单上的 8 位访问码，或本校的上传链接。");
  }
  const [first, ...rest] = t.split(/\s+/);
  if (/^https?:\/\//i.test(first) || first.startsWith("/")) {
    return fromLink(first, rest.join(""), workbookSchool);
  }
  const pair = /^(\d{6,20})[\s:,/、，：-]+(.+)$/.exec(t);
  if (pair) {
    return { kind: "code", school: pair[1], code: accessCode(pair[2]) };
  }
  if (looksLikeCode(t)) {
    if (!workbookSchool) {
      throw new CredentialError("请在访问码前输入学校标识码，例如：3134000026 ABCD-EFGH。");
    }
    return { kind: "code", school: workbookSchool, code: accessCode(t) };
  }
  if (/^[\x21-\x7e]+$/.test(t)) {
    // A link secret, or something the server will refuse in its own words.
    return { kind: "secret", secret: t };
  }
  throw new CredentialError("无法识别：请输入通知单上的 8 位访问码（如 ABCD-EFGH）、"
    + "通知单二维码的链接加访问码，或本校的上传链接。");
}

function fromLink(link, after, workbookSchool) {
  let url;
  try {
    url = new URL(link, "https://placeholder.invalid");
  } catch (e) {
    throw new CredentialError("链接不完整，请复制整个链接后再粘贴。");
  }
  const secret = /\/s\/([A-Za-z0-9_-]{20,100})\/?$/.exec(url.pathname)?.[1]
    ?? url.searchParams.get("s");
  if (secret) {
    return { kind: "secret", secret };
  }
  if (/\/school\/?$/.test(url.pathname)) {
    const school = (url.searchParams.get("code") ?? "").trim() || workbookSchool;
    if (!school) {
      throw new CredentialError("这个登录链接没有学校标识码，请输入：学校标识码 访问码。");
    }
    if (after === "") {
      throw new CredentialError(`已识别学校标识码 ${school}。请在链接后空一格，`
        + "再输入通知单上的 8 位访问码。");
    }
    return { kind: "code", school, code: accessCode(after) };
  }
  throw new CredentialError("这个链接不是汇总服务器的学校链接：请粘贴教育局下发的上传链接，"
    + "或输入通知单上的访问码。");
}

function normalized(code) {
  return code.replace(/[\s\-—－]/g, "").toUpperCase();
}

function looksLikeCode(text) {
  return /^[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}$/.test(text);
}

function accessCode(typed) {
  const c = normalized(typed);
  if (c.length !== 8 || [...c].some((ch) => !ACCESS_ALPHABET.includes(ch))) {
    throw new CredentialError("访问码应为 8 位，由数字 2–9 和字母组成（没有 0、1、O、I、L），"
      + "请对照通知单重新输入。");
  }
  return c;
}

/** The credential as the secret store keeps it: a secret as is, a code as code:<学校>:<码>. */
export function storedForm(credential) {
  return credential.kind === "secret" ? credential.secret
    : `${CODE_PREFIX}${credential.school}:${credential.code}`;
}

/** The inverse of storedForm; anything else stored (older versions) is a link secret. */
export function fromStored(stored) {
  const s = String(stored ?? "");
  if (s.startsWith(CODE_PREFIX)) {
    const [school, code] = s.slice(CODE_PREFIX.length).split(":");
    return { kind: "code", school, code };
  }
  return { kind: "secret", secret: s };
}
