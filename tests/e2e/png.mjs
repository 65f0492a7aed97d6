// A small PNG decoder and pixel comparison for screenshot tests, with no
// dependencies: 8-bit RGB or RGBA, non-interlaced (what Chromium's
// screenshots are). Decodes to { width, height, data } with RGBA bytes.
import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes a PNG buffer to { width, height, data: Uint8Array (RGBA) }. */
export function decodePng(buffer) {
  const buf = Buffer.from(buffer);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  let pos = 8;
  let header;
  const idat = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length; // length, type, body, CRC
    if (type === "IHDR") {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        colorType: body[9],
        interlace: body[12],
      };
    } else if (type === "IDAT") {
      idat.push(body);
    } else if (type === "IEND") {
      break;
    }
  }
  if (!header) throw new Error("PNG without IHDR");
  const { width, height, depth, colorType, interlace } = header;
  if (depth !== 8) throw new Error(`PNG bit depth ${depth} is not supported`);
  if (interlace !== 0) throw new Error("interlaced PNGs are not supported");
  const channels = { 2: 3, 6: 4 }[colorType];
  if (!channels) throw new Error(`PNG color type ${colorType} is not supported (only RGB and RGBA)`);

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error("PNG data is too short");
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = out - stride; // previous line in `pixels` (y > 0)
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[prev + x] : 0;
      const c = y > 0 && x >= channels ? pixels[prev + x - channels] : 0;
      let value = line[x];
      switch (filter) {
        case 0:
          break;
        case 1:
          value += a;
          break;
        case 2:
          value += b;
          break;
        case 3:
          value += (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`unknown PNG filter ${filter} on line ${y}`);
      }
      pixels[out + x] = value & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    rgba[j] = pixels[i];
    rgba[j + 1] = pixels[i + 1];
    rgba[j + 2] = pixels[i + 2];
    rgba[j + 3] = 255;
  }
  return { width, height, data: rgba };
}

/**
 * Compares two decoded images pixel by pixel, both anchored at the top
 * left. Pixels that only one image has (when the sizes differ) count as
 * different. Returns { differing, total, percent, sizes }.
 */
export function comparePixels(a, b) {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const total = width * height;
  let same = 0;
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      if (
        a.data[i] === b.data[j] &&
        a.data[i + 1] === b.data[j + 1] &&
        a.data[i + 2] === b.data[j + 2] &&
        a.data[i + 3] === b.data[j + 3]
      ) {
        same++;
      }
    }
  }
  const differing = total - same;
  return {
    differing,
    total,
    percent: total ? (100 * differing) / total : 0,
    sizes: `${a.width}x${a.height} vs ${b.width}x${b.height}`,
  };
}
