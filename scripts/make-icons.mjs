// Draws the KPI Lens icon (three bars in the band colours on a blue tile) as PNGs at the
// sizes the manifest names. Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80];
const TILE = [0x11, 0x5e, 0xa3];
const BARS = [
  { colour: [0xc5, 0x0f, 0x1f], height: 0.35 },
  { colour: [0xff, 0xb9, 0x00], height: 0.55 },
  { colour: [0x10, 0x7c, 0x10], height: 0.8 },
];

function pixel(size, x, y) {
  const radius = size * 0.18;
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius) return [0, 0, 0, 0];
  const margin = size * 0.16;
  const barWidth = (size - 2 * margin) / 5;
  for (let i = 0; i < BARS.length; i++) {
    const left = margin + i * 2 * barWidth;
    const top = size - margin - BARS[i].height * (size - 2 * margin);
    if (x >= Math.floor(left) && x < Math.floor(left + barWidth) && y >= Math.floor(top) && y < size - margin) {
      return [...BARS[i].colour, 255];
    }
  }
  return [...TILE, 255];
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) rows.push(...pixel(size, x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
console.log(`wrote assets/icon-{${SIZES.join(",")}}.png`);
