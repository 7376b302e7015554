// Remembers a school's secret on this computer so the clerk types it once. Excel keeps add-in
// localStorage per add-in origin (Office.context.roamingSettings exists only in Outlook);
// Office.context.partitionKey, where Office gives one, keeps it apart per Office context.
// When storage is blocked the secret lives for this page only.

const KEY = "huizong.secret";

/**
 * @param storage a Web Storage object (localStorage), or null
 * @param prefix prepended to every key (the Office partition key), or ""
 */
export function createSecretStore(storage, prefix = "") {
  const memory = new Map();
  const keyFor = (unit) => `${prefix}${KEY}${unit ? `.${unit}` : ""}`;
  return {
    /** The remembered secret for a school code (or for this browser when unit is ""), or "". */
    get(unit) {
      const key = keyFor(unit);
      try {
        const v = storage ? storage.getItem(key) : null;
        if (v) {
          return v;
        }
      } catch (e) {
        // Storage blocked by the browser's settings: fall through to memory.
      }
      return memory.get(key) ?? "";
    },
    /** Remembers it; returns false when only this page will remember it. */
    set(unit, secret) {
      const key = keyFor(unit);
      memory.set(key, secret);
      try {
        if (storage) {
          storage.setItem(key, secret);
          return true;
        }
      } catch (e) {
        // Blocked or full: the in-memory copy still serves this page.
      }
      return false;
    },
    forget(unit) {
      const key = keyFor(unit);
      memory.delete(key);
      try {
        if (storage) {
          storage.removeItem(key);
        }
      } catch (e) {
        // Nothing to forget where nothing could be stored.
      }
    },
  };
}
