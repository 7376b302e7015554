import assert from "node:assert/strict";
import test from "node:test";
import { createSecretStore } from "../src/main/resources/org/huizong/addin/js/secrets.mjs";

function memoryStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
    keys: () => [...m.keys()],
  };
}

test("secrets are kept per school code under the partition prefix", () => {
  const storage = memoryStorage();
  const store = createSecretStore(storage, "p1:");
  assert.equal(store.set("3412250001", "abc123"), true);
  assert.equal(store.get("3412250001"), "abc123");
  assert.equal(store.get("3412250002"), "");
  assert.deepEqual(storage.keys(), ["p1:huizong.secret.3412250001"]);
  assert.equal(createSecretStore(storage, "").get("3412250001"), "",
    "other partitions do not see it");
  store.forget("3412250001");
  assert.equal(store.get("3412250001"), "");
});

test("blocked storage still remembers for the page", () => {
  const blocked = {
    getItem() {
      throw new Error("SecurityError");
    },
    setItem() {
      throw new Error("SecurityError");
    },
    removeItem() {
      throw new Error("SecurityError");
    },
  };
  const store = createSecretStore(blocked);
  assert.equal(store.set("", "abc123"), false);
  assert.equal(store.get(""), "abc123");
});
