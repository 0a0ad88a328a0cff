// The README's picture of the HTML report (run by tools/screenshot):
//
//   node tools/screenshot.js REPORT.html OUT.png
//
// The report in headless Chromium at 1000 pixels wide, from its top to the
// end of its first finding, as a PNG of at most 256 colors (the page's
// flat colors and the most frequent shades of its text's edges), which
// keeps it small enough to commit.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const chromium = require(path.join(__dirname, 'chromium.js'));

const WIDTH = 1000;

// --- PNG: read Chromium's 8-bit RGB or RGBA, write 8-bit indexed ---------

function chunks(png) {
  const out = {};
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    (out[type] = out[type] || []).push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  return out;
}

function rgb(png) {
  const c = chunks(png);
  const w = c.IHDR[0].readUInt32BE(0);
  const h = c.IHDR[0].readUInt32BE(4);
  const depth = c.IHDR[0][8];
  const type = c.IHDR[0][9];
  if (depth !== 8 || (type !== 2 && type !== 6) || c.IHDR[0][12]) throw new Error('unexpected PNG format');
  const bpp = type === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(c.IDAT));
  const stride = w * bpp;
  const px = Buffer.alloc(h * stride);
  for (let y = 0; y < h; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = px.subarray(y * stride, (y + 1) * stride);
    const prev = y ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[x - bpp] : 0;
      const b = prev[x];
      const c2 = x >= bpp ? prev[x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c2;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c2);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c2;
      }
      out[x] = v & 255;
    }
  }
  const colors = new Uint32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    colors[i] = (px[i * bpp] << 16) | (px[i * bpp + 1] << 8) | px[i * bpp + 2];
  }
  return { w, h, colors };
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let c = 0xffffffff;
  for (const b of body) c = CRC[(c ^ b) & 255] ^ (c >>> 8);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function indexed({ w, h, colors }) {
  // The 256 most frequent colors; every other one becomes the nearest of
  // them (weighted as the eye weighs red, green and blue).
  const freq = new Map();
  for (const c of colors) freq.set(c, (freq.get(c) || 0) + 1);
  const palette = [...freq.entries()].sort((a, b) => b[1] - a[1]).slice(0, 256).map((e) => e[0]);
  const index = new Map(palette.map((c, i) => [c, i]));
  const nearest = (c) => {
    let best = 0, bestD = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const p = palette[i];
      const dr = (c >> 16) - (p >> 16), dg = ((c >> 8) & 255) - ((p >> 8) & 255), db = (c & 255) - (p & 255);
      const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  };
  const rows = Buffer.alloc(h * (w + 1));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = colors[y * w + x];
      let i = index.get(c);
      if (i === undefined) index.set(c, (i = nearest(c)));
      rows[y * (w + 1) + 1 + x] = i;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8;
  header[9] = 3; // indexed color
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((c, i) => { plte[i * 3] = c >> 16; plte[i * 3 + 1] = (c >> 8) & 255; plte[i * 3 + 2] = c & 255; });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('PLTE', plte),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9, memLevel: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main() {
  const [html, out] = process.argv.slice(2);
  const browser = await chromium.launch();
  try {
    const page = await chromium.open(browser, 'file://' + path.resolve(html), { width: WIDTH, height: 1000 });
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    const height = await chromium.evaluate(page,
      `Math.ceil(document.getElementById('f0').getBoundingClientRect().bottom + scrollY + 12)`);
    await page.send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height, deviceScaleFactor: 1, mobile: false });
    await chromium.evaluate(page, 'new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))');
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'verguard-shot-'));
    const shot = path.join(dir, 'full.png');
    await chromium.screenshot(page, shot);
    fs.writeFileSync(out, indexed(rgb(fs.readFileSync(shot))));
    fs.rmSync(dir, { recursive: true });
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
