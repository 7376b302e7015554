// The pane: one page for both hosts. Excel mode reads the open workbook; browser mode (the
// school's upload page) takes a picked or dropped file. Everything else — 校验, findings grouped
// by sheet, 提交 with the remembered secret, the status and any 退回 reason — is the same.
// DOM is reached only through `doc`, hosts only through their interface (office-host.mjs,
// browser-host.mjs), the server only through `api` (api.mjs).
import { ApiError } from "./api.mjs";
import { fromStored, parseCredential, storedForm } from "./credentials.mjs";
import {
  SEVERITY_LABELS, answerFiles, collectFindings, countBySeverity, groupBySheet, summaryText,
} from "./findings.mjs";
import { HostError } from "./host-error.mjs";
import { MetaError, collectionTitle, periodLabel } from "./meta.mjs";
import { readStatus } from "./status.mjs";

export class Pane {
  /**
   * @param doc the page's document
   * @param host the Excel or browser host
   * @param api the server client (createApi)
   * @param secrets the secret store (createSecretStore)
   * @param initialSecret a secret from the page's URL (`?s=`), or ""
   */
  constructor({ doc, host, api, secrets, initialSecret = "" }) {
    this.doc = doc;
    this.host = host;
    this.api = api;
    this.secrets = secrets;
    this.initialSecret = initialSecret;
    this.workbook = null;
    /** The school the secret belongs to, as the server's status names it: {code, name}. */
    this.secretSchool = null;
    this.sheetOrder = [];
    this.busy = false;
  }

  $(id) {
    return this.doc.getElementById(id);
  }

  /** Wires the page and shows what is known at once; resolves when the first reads are done. */
  async start() {
    // Excel and WPS read the open workbook; a plain browser takes a picked file.
    const excel = this.host.kind !== "browser";
    this.doc.body.dataset.mode = this.host.kind;
    this.$("title-mode").textContent = excel ? "校验与提交" : "学校报表上传";
    this.$("picker").hidden = excel;
    this.$("findings-hint").hidden = !this.host.canSelect;
    this.$("validate").addEventListener("click", () => this.validate());
    this.$("submit").addEventListener("click", () => this.submit());
    this.$("secret-form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.saveSecret();
    });
    this.$("secret-change").addEventListener("click", () => this.changeSecret());
    if (!excel) {
      this.host.attach(this.doc, (file) => this.fileChosen(file), (e) => this.showError(e));
    }
    if (excel) {
      await this.loadWorkbook();
    }
    if (this.initialSecret) {
      this.secrets.set(this.unit(), this.initialSecret);
    }
    if (this.secret()) {
      await this.refreshStatus();
    } else {
      this.showSecretBox();
    }
  }

  /** The school code secrets are kept under: the workbook's unit in Excel, "" in a browser. */
  unit() {
    return this.workbook ? this.workbook.meta.unit : "";
  }

  secret() {
    return this.secrets.get(this.unit());
  }

  async loadWorkbook() {
    try {
      this.workbook = await this.host.readWorkbook();
      const { meta, schoolName, sheets } = this.workbook;
      this.sheetOrder = sheets;
      this.showSchool(schoolName, meta.unit, meta.collection, meta.period);
    } catch (e) {
      this.workbook = null;
      this.$("validate").disabled = true;
      this.$("submit").disabled = true;
      this.showError(e instanceof MetaError ? e : new Error(
        `读取当前工作簿失败：${e.message}。请关闭任务窗格后重新打开。`));
    }
  }

  showSchool(name, code, collection, period) {
    this.$("school-name").textContent = name || (code ? "" : "—");
    this.$("school-code").textContent = code ? (name ? `（${code}）` : code) : "";
    const title = collection ? collectionTitle(collection) : "—";
    const when = period ? periodLabel(period) : "";
    this.$("collection").textContent = title;
    // A collection's own title often names its period already (2024年上半年教育工作半年报表).
    this.$("period").textContent = when && !title.includes(when) ? when : "";
  }

  /** Warns when the workbook or file is another school's than the secret's. */
  checkSameSchool(fileCode) {
    const s = this.secretSchool;
    if (s && s.code && fileCode && String(fileCode) !== s.code) {
      this.showError(new HostError(`这份报表的学校标识码是 ${fileCode}，而保存的密钥属于`
        + `${s.name || "另一所学校"}（${s.code}）：请打开本校的报表，或点“更换密钥”。`));
      return false;
    }
    return true;
  }

  /** Browser mode: a file was picked or dropped. */
  async fileChosen(file) {
    this.$("file-label").hidden = false;
    this.$("file-fact").hidden = false;
    this.$("file-name").textContent = file.name;
    await this.validate();
  }

  async validate() {
    await this.run("正在校验……", async () => {
      const file = await this.host.workbookFile();
      const answer = await this.api.validate(file.bytes, file.name, this.secret());
      this.showAnswerFile(answer);
      this.showFindings(answer);
      this.checkSameSchool(answerFiles(answer)[0]?.school);
    });
  }

  async submit() {
    if (!this.secret()) {
      this.showSecretBox("提交前请先输入学校密钥（教育局下发给本校的上报密钥）。");
      return;
    }
    await this.run("正在提交……", async () => {
      const file = await this.host.workbookFile();
      let answer;
      try {
        answer = await this.api.submit(file.bytes, file.name, this.secret());
      } catch (e) {
        // A refused submission (422) still carries the findings that blocked it.
        if (e instanceof ApiError && answerFiles(e.body).length > 0) {
          this.showFindings(e.body);
        }
        throw e;
      }
      if (answerFiles(answer).length > 0) {
        this.showAnswerFile(answer);
        this.showFindings(answer);
      }
      const s = readStatus(answer);
      this.showNotice(submittedText(s));
      this.showStatus(s);
      await this.refreshStatusQuietly();
    });
  }

  async refreshStatus() {
    await this.run("正在查询上报状态……", () => this.refreshStatusQuietly());
  }

  async refreshStatusQuietly() {
    this.showStatus(readStatus(await this.api.status(this.secret())));
  }

  /** Runs one action with the buttons disabled and its errors shown; one action at a time. */
  async run(busyText, action) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.setButtons(false);
    this.$("message").hidden = true;
    this.$("notice").hidden = true;
    this.$("busy").textContent = busyText;
    this.$("busy").hidden = false;
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        // The server no longer knows the secret (mistyped, or the link was reissued).
        this.secrets.forget(this.unit());
        this.secretSchool = null;
        this.$("status").hidden = true;
        this.showSecretBox();
      }
      this.showError(e);
    } finally {
      this.busy = false;
      this.$("busy").hidden = true;
      this.setButtons(true);
    }
  }

  setButtons(enabled) {
    const usable = enabled && (this.host.kind === "browser" || this.workbook !== null);
    this.$("validate").disabled = !usable;
    this.$("submit").disabled = !usable;
  }

  showError(e) {
    const known = e instanceof ApiError || e instanceof MetaError || e instanceof HostError;
    const el = this.$("message");
    el.textContent = known ? e.message : `出错了：${e?.message ?? e}`;
    el.hidden = false;
  }

  showNotice(text) {
    this.$("notice").textContent = text;
    this.$("notice").hidden = false;
  }

  showSecretBox(message) {
    this.$("secret-box").hidden = false;
    if (message) {
      this.showError(new ApiError(message, 0));
    }
    this.$("secret").focus();
  }

  async saveSecret() {
    const input = this.$("secret");
    const value = input.value.trim();
    if (value === "") {
      this.showSecretBox("请输入学校密钥。");
      return;
    }
    let credential;
    try {
      credential = parseCredential(value, this.unit());
    } catch (e) {
      this.showSecretBox(e.message);
      return;
    }
    this.secrets.set(this.unit(), storedForm(credential));
    input.value = "";
    this.$("secret-box").hidden = true;
    this.$("message").hidden = true;
    await this.refreshStatus();
  }

  changeSecret() {
    this.secrets.forget(this.unit());
    this.secretSchool = null;
    this.$("status").hidden = true;
    this.showSecretBox();
  }

  showStatus(s) {
    if (!s.status) {
      return;
    }
    const label = this.$("status-label");
    label.textContent = s.status;
    label.dataset.tone = s.tone;
    this.$("status-version").textContent = [
      s.version ? `第 ${s.version} 版` : "",
      s.submittedAt ? `提交于 ${s.submittedAt}` : "",
      s.deadline ? `截止 ${s.deadline}` : "",
    ].filter(Boolean).join("，");
    const reason = this.$("status-reason");
    reason.textContent = s.reason ? `退回原因：${s.reason}` : "";
    reason.hidden = !s.reason;
    const secret = this.secret();
    const credential = fromStored(secret);
    const shown = credential.kind === "code" ? credential.code : secret;
    this.$("secret-hint").textContent = shown.length > 4 ? `（尾号 ${shown.slice(-4)}）` : "";
    // 说明 for warnings are written on the school's own page on the server; with an access
    // code, through the school's sign-in page.
    const explain = this.$("status-explain");
    explain.hidden = s.status !== "待说明";
    explain.href = new URL(credential.kind === "code"
      ? `../school?code=${encodeURIComponent(credential.school)}`
      : `../s/${encodeURIComponent(secret)}`, this.doc.baseURI).href;
    this.$("status").hidden = false;
    this.$("secret-box").hidden = true;
    if (s.schoolCode) {
      this.secretSchool = { code: s.schoolCode, name: s.schoolName };
    }
    if (this.workbook) {
      this.checkSameSchool(this.workbook.meta.unit);
    } else if (s.schoolName || s.schoolCode) {
      this.showSchool(s.schoolName, s.schoolCode, s.collectionTitle || s.collection, s.period);
    }
  }

  /**
   * Browser mode, before the secret's school is known: what the server read from the file
   * names its school and period.
   */
  showAnswerFile(answer) {
    const first = answerFiles(answer)[0];
    if (this.workbook || this.secretSchool || !first) {
      return;
    }
    // A file names its school by code only; the name comes with the secret's status.
    this.showSchool("", first.school ?? "",
      typeof answer.collection === "string" ? answer.collection : "edu-halfyear", first.period);
  }

  showFindings(answer) {
    const findings = collectFindings(answer);
    const counts = countBySeverity(findings);
    const box = this.$("findings-groups");
    box.replaceChildren();
    const summary = this.$("findings-summary");
    summary.textContent = counts.total === 0 ? "校验通过，未发现问题" : `校验发现：${summaryText(counts)}`;
    summary.dataset.tone = counts.error > 0 ? "bad" : counts.warning > 0 ? "warn" : "good";
    for (const group of groupBySheet(findings, this.sheetOrder)) {
      box.append(this.renderGroup(group));
    }
    this.$("findings").hidden = false;
  }

  renderGroup(group) {
    const d = this.doc;
    const section = d.createElement("details");
    section.open = true;
    section.className = "group";
    section.dataset.sheet = group.sheet ?? "";
    const head = d.createElement("summary");
    head.textContent = `${group.sheet ?? "整个报表"}（${group.findings.length}）`;
    const list = d.createElement("ol");
    list.className = "finding-list";
    for (const f of group.findings) {
      list.append(this.renderFinding(f));
    }
    section.append(head, list);
    return section;
  }

  renderFinding(f) {
    const d = this.doc;
    const item = d.createElement("li");
    item.className = `finding ${f.severity}`;
    const clickable = f.cell !== null && this.host.canSelect;
    const target = d.createElement(clickable ? "button" : "div");
    target.className = "finding-body";
    if (clickable) {
      target.type = "button";
      target.title = `跳到 ${f.cell.sheet}!${f.cell.a1}`;
      target.addEventListener("click", () => this.select(f.cell));
    }
    const tag = d.createElement("span");
    tag.className = "tag";
    tag.textContent = SEVERITY_LABELS[f.severity];
    const where = d.createElement("span");
    where.className = "cell";
    where.textContent = f.cell ? f.cell.a1 : f.places.join("、");
    const message = d.createElement("span");
    message.className = "text";
    message.textContent = f.message;
    target.append(tag, where, message);
    item.append(target);
    if (f.severity === "warning") {
      const note = d.createElement("p");
      note.className = "explanation";
      note.textContent = f.explanation ? `说明：${f.explanation}` : "需要填写说明后才能通过审核。";
      item.append(note);
    }
    return item;
  }

  async select(cell) {
    try {
      await this.host.selectCell(cell.sheet, cell.a1);
    } catch (e) {
      this.showError(e);
    }
  }
}

/** What the pane says right after 提交, by the status the server gave the new version. */
export function submittedText(s) {
  const which = s.version ? `第 ${s.version} 版` : "报表";
  switch (s.status) {
    case "有错误":
      return `服务器已收到${which}，但报表还有错误：请按下方问题修改后重新提交。`;
    case "待说明":
      return `服务器已收到${which}，有警告需要填写说明后才能通过审核。`;
    default:
      return `已提交${which}，请等待教育局审核。`;
  }
}
