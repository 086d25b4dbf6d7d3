/**
 * Reading an image the page shows (a QR code, the share image) in any engine: a probe hands over
 * its pixels (tests/support/engines.ts runs it in the page), and jsQR decodes them in Node.
 */
import jsQR from 'jsqr';

export interface Pixels {
  /** The image's own size. */
  width: number;
  height: number;
  /** The part handed over: from `top` down, the image's whole width. */
  crop: { top: number; width: number; height: number };
  /** RGBA bytes of the part, base64 (a probe's result crosses the driver as JSON). */
  base64: string;
}

/**
 * The pixels of the first drawn PNG image matching `selector`, from `fromFraction` of its height
 * down (the share image's QR code is in its lower part: the whole image is millions of values).
 */
export async function imagePixels(win: Window, selector: string, fromFraction = 0): Promise<Pixels | undefined> {
  const img = win.document.querySelector<HTMLImageElement>(selector);
  if (!img?.src.startsWith('data:image/png')) return undefined;
  await img.decode();
  const top = Math.floor(img.naturalHeight * fromFraction);
  const canvas = Object.assign(win.document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight - top });
  const context = canvas.getContext('2d')!;
  context.drawImage(img, 0, -top);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return { width: img.naturalWidth, height: img.naturalHeight, crop: { top, width: canvas.width, height: canvas.height }, base64: win.btoa(binary) };
}

/** The text of the QR code in the pixels, or null. */
export function decodeQr(pixels: Pixels): string | null {
  return jsQR(Uint8ClampedArray.from(Buffer.from(pixels.base64, 'base64')), pixels.crop.width, pixels.crop.height)?.data ?? null;
}
