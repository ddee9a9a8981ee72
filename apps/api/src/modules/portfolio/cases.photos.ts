import sharp from 'sharp';
import { AppError } from '../../platform/http/errors.js';

/**
 * Uploaded photos are decoded and re-encoded: at most 1600 px on the longer side, turned
 * upright by their EXIF orientation, as JPEG without metadata (no camera GPS position goes
 * public). Decoding checks the content; the magic bytes are checked first so that a
 * non-image never reaches the decoder.
 */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTOS = 8;
const MAX_SIDE = 1600;
// A small file can claim an enormous canvas (a decompression bomb); 40 megapixels is plenty.
const MAX_INPUT_PIXELS = 40_000_000;

const MAGIC: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export interface ResizedPhoto {
  data: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
}

export async function resizePhoto(dataBase64: string): Promise<ResizedPhoto> {
  const input = Buffer.from(dataBase64, 'base64');
  if (input.length > MAX_UPLOAD_BYTES) {
    throw new AppError(422, 'casePhotoSize', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  }
  return resizeImage(input);
}

/** The decoding and re-encoding of an image whose size the caller has already bounded. */
export async function resizeImage(input: Buffer): Promise<ResizedPhoto> {
  if (input.length === 0 || !MAGIC.some((m) => m.test(input))) {
    throw new AppError(422, 'casePhotoType');
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, mime: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    // A truncated or otherwise undecodable file, or one over the pixel limit.
    throw new AppError(422, 'casePhotoType');
  }
}
