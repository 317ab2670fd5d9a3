/**
 * Writes the add-in's icons into assets/: PNG, drawn here (no image tools needed), committed.
 *   icon-{16,32,64,80,128}.png   校验并计分 and the add-in itself: a check mark on green
 *   icon-pane-{16,32,80}.png     打开面板: a window with a side pane, on blue
 *   icon-clear-{16,32,80}.png    清除标记: an eraser cross, on red-brown
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type RGB = [number, number, number];
type Shape = (x: number, y: number) => boolean; // coordinates in [0, 1]

const GREEN: RGB = [0x21, 0x73, 0x46];
const BLUE: RGB = [0x2f, 0x6f, 0xb3];
const RED: RGB = [0xb0, 0x3a, 0x2e];

/** Distance from (x, y) to the segment a–b. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function polyline(points: [number, number][], width: number): Shape {
  return (x, y) => points.slice(1).some((p, i) => segment(x, y, points[i][0], points[i][1], p[0], p[1]) <= width / 2);
}

function roundedSquare(inset: number, radius: number): Shape {
  return (x, y) => {
    const lo = inset + radius;
    const hi = 1 - inset - radius;
    const dx = Math.max(lo - x, 0, x - hi);
    const dy = Math.max(lo - y, 0, y - hi);
    return Math.hypot(dx, dy) <= radius;
  };
}

const GLYPHS: Record<string, { bg: RGB; mark: Shape }> = {
  icon: {
    bg: GREEN,
    mark: polyline(
      [
        [0.26, 0.53],
        [0.43, 0.7],
        [0.76, 0.33],
      ],
      0.13,
    ),
  },
  'icon-pane': {
    bg: BLUE,
    mark: (x, y) => {
      const frame = x >= 0.22 && x <= 0.78 && y >= 0.26 && y <= 0.74;
      const inner = x >= 0.3 && x <= 0.7 && y >= 0.34 && y <= 0.66;
      const pane = x >= 0.52 && x <= 0.7 && y >= 0.34 && y <= 0.66;
      return (frame && !inner) || pane;
    },
  },
  'icon-clear': {
    bg: RED,
    mark: (x, y) =>
      polyline(
        [
          [0.3, 0.3],
          [0.7, 0.7],
        ],
        0.13,
      )(x, y) ||
      polyline(
        [
          [0.7, 0.3],
          [0.3, 0.7],
        ],
        0.13,
      )(x, y),
  },
};

/** RGBA pixels, 8×8 supersampled for smooth edges. */
function draw(size: number, glyph: { bg: RGB; mark: Shape }): Buffer {
  const S = 8;
  const rows: Buffer[] = [];
  const square = roundedSquare(0.04, 0.16);
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None)
    for (let px = 0; px < size; px++) {
      let inBg = 0;
      let inMark = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (square(x, y)) {
            inBg++;
            if (glyph.mark(x, y)) inMark++;
          }
        }
      }
      const n = S * S;
      const white = inBg ? inMark / inBg : 0;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(glyph.bg[c] * (1 - white) + 255 * white);
      row[o + 3] = Math.round((255 * inBg) / n);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size: number, pixels: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICONS: [string, number[]][] = [
  ['icon', [16, 32, 64, 80, 128]],
  ['icon-pane', [16, 32, 80]],
  ['icon-clear', [16, 32, 80]],
];

function main(): void {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const [name, sizes] of ICONS) {
    for (const size of sizes) {
      const file = join(dir, `${name}-${size}.png`);
      writeFileSync(file, png(size, draw(size, GLYPHS[name])));
      console.log(`wrote ${file}`);
    }
  }
}

main();
