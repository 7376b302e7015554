// The manifest template, filled in the way AddinResources.manifest does, read back with
// office-addin-manifest (the reader Office's own tooling uses).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { OfficeAddinManifest } from "office-addin-manifest";
import { ADDIN_DIR } from "../testkit/page.mjs";

const BASE = "https://huizong.example.edu.cn:8443";
const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

function filled() {
  const xml = readFileSync(join(ADDIN_DIR, "manifest.template.xml"), "utf8")
    .replaceAll("${BASE_URL}", BASE).replaceAll("${ADDIN_ID}", ID);
  const path = join(mkdtempSync(join(tmpdir(), "huizong-manifest-")), "manifest.xml");
  writeFileSync(path, xml);
  return { xml, path };
}

test("the filled manifest reads as an Excel task-pane add-in at the server's address", async () => {
  const info = await OfficeAddinManifest.readManifestFile(filled().path);

  assert.equal(info.id, ID);
  assert.equal(info.officeAppType, "TaskPaneApp");
  assert.deepEqual(info.hosts, ["Workbook"]);
  assert.equal(info.defaultLocale, "zh-CN");
  assert.equal(info.displayName, "汇总 校验与提交");
  assert.equal(info.permissions, "ReadDocument");
  assert.equal(info.defaultSettings.sourceLocation, `${BASE}/addin/taskpane.html`);
  assert.match(info.version, /^\d+\.\d+\.\d+\.\d+$/);
});

test("every URL in the manifest is https on the server and names a shipped file", () => {
  const { xml } = filled();
  const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.length >= 9, `found ${urls.length} URLs`);
  for (const url of urls) {
    assert.ok(url.startsWith(`${BASE}/addin/`), url);
    const file = url.slice(`${BASE}/addin/`.length);
    assert.ok(existsSync(join(ADDIN_DIR, file)), `${file} exists`);
  }
  assert.ok(!xml.includes("${"), "no placeholder is left");
});

test("ribbon strings fit Office's limits (short 125, long 250 characters)", () => {
  const { xml } = filled();
  const section = (name) => xml.split(`<bt:${name}>`)[1].split(`</bt:${name}>`)[0];
  for (const [name, max] of [["ShortStrings", 125], ["LongStrings", 250]]) {
    for (const m of section(name).matchAll(/DefaultValue="([^"]*)"/g)) {
      assert.ok(m[1].length <= max, `${m[1]} is longer than ${max}`);
    }
  }
});
