// Copies the office.js files the add-in ships from the pinned @microsoft/office-js package
// (installed by `npm ci`) into the served resources, unmodified, as its licence requires.
// Run after changing the package version in package.json: `npm ci && npm run copy-office-js`.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OFFICE_JS_FILES, OFFICE_JS_LICENSE } from "./office-js-files.mjs";

const addin = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(addin, "node_modules", "@microsoft", "office-js");
const target = join(addin, "src", "main", "resources", "org", "huizong", "addin", "office");

rmSync(target, { recursive: true, force: true });
for (const file of OFFICE_JS_FILES) {
  mkdirSync(dirname(join(target, file)), { recursive: true });
  copyFileSync(join(pkg, "dist", file), join(target, file));
}
copyFileSync(join(pkg, OFFICE_JS_LICENSE), join(target, OFFICE_JS_LICENSE));
console.log(`copied ${OFFICE_JS_FILES.length} files and ${OFFICE_JS_LICENSE} to ${target}`);
