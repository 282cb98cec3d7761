/**
 * Decodes a picked photo upright (EXIF orientation applied) and re-encodes it as a JPEG whose long side is at most
 * `maxSide`: phone photos of 12+ MP shrink to a fraction of their size while small faces keep enough pixels.
 * Re-encoding also drops the EXIF block (GPS position, camera serial) before the photo leaves the device.
 */
export async function loadUpright(file, maxSide) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new UnreadableImage(file.name);
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas;
}

export function canvasToJpeg(canvas, quality = 0.92) {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
  );
}

export class UnreadableImage extends Error {
  constructor(name) {
    super(`“${name}” is not a photo this browser can read. Use a JPEG, PNG or WebP image.`);
    this.name = 'UnreadableImage';
    this.forTeacher = true;
  }
}
