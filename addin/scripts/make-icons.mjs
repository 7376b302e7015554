// Draws the add-in's icons (a green tile with a white table and a tick) as PNGs, with no
// dependencies: a 4x4 supersampled rasterizer and node's zlib. Run `npm run icons` after a
// change and commit the PNGs.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [31, 111, 67];
const WHITE = [255, 255, 255];

// Shapes in unit coordinates (0..1, y down); the last shape that covers a point wins.
function colourAt(x, y) {
  let c = null;
  if (roundedSquare(x, y, 0.04, 0.18)) {
    c = GREEN;
  }
  // the table: outer frame and two rules
  const inFrame = x >= 0.2 && x <= 0.8 && y >= 0.2 && y <= 0.8;
  const frame = inFrame && (x < 0.27 || x > 0.73 || y < 0.27 || y > 0.73);
  const rules = inFrame && (Math.abs(y - 0.42) < 0.035 || Math.abs(x - 0.42) < 0.035);
  if (frame || rules) {
    c = WHITE;
  }
  // the tick, over the lower right cell, with a green outline so it reads on the frame
  const d = Math.min(segment(x, y, 0.48, 0.66, 0.6, 0.78), segment(x, y, 0.6, 0.78, 0.86, 0.46));
  if (d < 0.1) {
    c = d < 0.055 ? WHITE : GREEN;
  }
  return c;
}

function roundedSquare(x, y, inset, r) {
  const lo = inset + r;
  const hi = 1 - inset - r;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= r * r;
}

function segment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function render(size) {
  const ss = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = 1 + x * 4;
      row[o] = a ? Math.round(r / a) : 0;
      row[o + 1] = a ? Math.round(g / a) : 0;
      row[o + 2] = a ? Math.round(b / a) : 0;
      row[o + 3] = Math.round((255 * a) / (ss * ss));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function png(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
  }
  return (c ^ 0xffffffff) >>> 0;
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "main", "resources",
  "org", "huizong", "addin", "assets");
for (const size of SIZES) {
  writeFileSync(join(out, `icon-${size}.png`), render(size));
}
// The WPS ribbon's button image, beside the WPS add-in's ribbon.xml.
writeFileSync(join(out, "..", "wps", "images", "icon-32.png"), render(32));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to ${out}`);
