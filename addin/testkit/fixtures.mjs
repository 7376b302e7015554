// The bureau server's real answers, written by the server's own code (its AddinFixturesTest,
// from ApiV1 and the engine's FindingReport) into test/fixtures/, so these tests cannot drift
// from what the server sends. Change them there, never by hand.
import { readFileSync } from "node:fs";

/** A fresh copy of test/fixtures/<name>, parsed. */
export function fixture(name) {
  return JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), "utf8"));
}
