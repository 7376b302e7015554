// Writes files.txt, the list of static files AddinResources.staticFiles() returns (a jar cannot
// be listed reliably). Run `npm run list-files` after adding or removing a served file; a test
// fails while the list is stale.
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "main", "resources",
  "org", "huizong", "addin");
// The template is served filled in, never raw; the list does not list itself.
const NOT_STATIC = new Set(["manifest.template.xml", "wps/publish.template.xml", "files.txt"]);

export function staticFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else {
        const rel = relative(root, path).split(sep).join("/");
        if (!NOT_STATIC.has(rel)) {
          out.push(rel);
        }
      }
    }
  };
  walk(root);
  return out.sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = staticFiles();
  writeFileSync(join(root, "files.txt"), files.join("\n") + "\n");
  console.log(`listed ${files.length} static files in ${join(root, "files.txt")}`);
}
