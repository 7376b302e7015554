// The office.js copy the server serves: unmodified (its licence forbids changes), complete for
// the Excel hosts office.js says it loads, and in step with the pinned package.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import test from "node:test";
import { OFFICE_JS_FILES, OFFICE_JS_LICENSE } from "../scripts/office-js-files.mjs";
import { ADDIN_DIR } from "../testkit/page.mjs";

const require = createRequire(import.meta.url);
const PACKAGE = dirname(require.resolve("@microsoft/office-js/package.json"));
const SHIPPED = join(ADDIN_DIR, "office");

const sha = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("every shipped office.js file is byte for byte the pinned package's", () => {
  for (const file of [...OFFICE_JS_FILES]) {
    assert.equal(sha(join(SHIPPED, file)), sha(join(PACKAGE, "dist", file)),
      `${file} differs from @microsoft/office-js: run npm run copy-office-js`);
  }
  assert.equal(sha(join(SHIPPED, OFFICE_JS_LICENSE)), sha(join(PACKAGE, OFFICE_JS_LICENSE)));
});

test("the host file office.js asks for on each Excel platform is shipped", () => {
  // office.js names its host script <host>-<platform>-<version>.js, capping the version at
  // OSF.HostSpecificFileVersionMap; read the map from the shipped copy itself.
  const source = readFileSync(join(SHIPPED, "office.js"), "utf8");
  const m = /HostSpecificFileVersionMap\s*=\s*(\{.*?\})\s*;\s*(?:OSF\.|var )/s.exec(source);
  assert.ok(m, "office.js still declares OSF.HostSpecificFileVersionMap");
  const excel = JSON.parse(m[1].replace(/([a-z0-9]+)\s*:/g, '"$1":')).excel;
  for (const platform of ["web", "win32", "mac"]) {
    const file = `excel-${platform}-${excel[platform]}.js`;
    assert.ok(existsSync(join(SHIPPED, file)), `${file} is shipped for Excel on ${platform}`);
  }
  for (const file of ["zh-cn/office_strings.js", "en-us/office_strings.js",
    "o15apptofilemappingtable.js"]) {
    assert.ok(existsSync(join(SHIPPED, file)), `${file} is shipped`);
  }
});

test("the shipped copy is the version package.json pins", () => {
  const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
    .devDependencies["@microsoft/office-js"];
  const installed = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")).version;
  assert.equal(installed, pinned);
});
