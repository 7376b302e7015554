// Debian's Chromium driven by playwright-core (no browser download). Tests skip when it is not
// installed: `apt-get install -y chromium fonts-wqy-microhei`.
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.HUIZONG_CHROMIUM ?? "/usr/bin/chromium";

export function chromiumMissing() {
  return existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
}

/** A headless browser; closed networking flags keep it off everything but loopback. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
