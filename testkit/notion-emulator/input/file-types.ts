// The file types the File Upload API accepts ("Working with files and media", supported file types), by
// extension, with the MIME types each may be sent as. Anything else is refused, as Notion refuses it.

const AUDIO: Record<string, string[]> = {
  aac: ['audio/aac'], adts: ['audio/aac'], mid: ['audio/midi'], midi: ['audio/midi'], mp3: ['audio/mpeg'], mpga: ['audio/mpeg'],
  m4a: ['audio/mp4'], m4b: ['audio/mp4'], oga: ['audio/ogg'], ogg: ['audio/ogg'], wav: ['audio/wav'], wma: ['audio/x-ms-wma'],
};

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const SLIDES = 'application/vnd.openxmlformats-officedocument.presentationml';
const DOCUMENT: Record<string, string[]> = {
  pdf: ['application/pdf'], txt: ['text/plain'], json: ['application/json'],
  doc: ['application/msword'], dot: ['application/msword'], docx: [`${WORD}.document`], dotx: [`${WORD}.template`],
  xls: ['application/vnd.ms-excel'], xlt: ['application/vnd.ms-excel'], xla: ['application/vnd.ms-excel'],
  xlsx: [`${SHEET}.sheet`], xltx: [`${SHEET}.template`],
  ppt: ['application/vnd.ms-powerpoint'], pot: ['application/vnd.ms-powerpoint'], pps: ['application/vnd.ms-powerpoint'],
  ppa: ['application/vnd.ms-powerpoint'], pptx: [`${SLIDES}.presentation`], potx: [`${SLIDES}.template`],
};

const IMAGE: Record<string, string[]> = {
  gif: ['image/gif'], heic: ['image/heic'], jpeg: ['image/jpeg'], jpg: ['image/jpeg'], png: ['image/png'], svg: ['image/svg+xml'],
  tif: ['image/tiff'], tiff: ['image/tiff'], webp: ['image/webp'], ico: ['image/vnd.microsoft.icon'],
};

// The guide lists video MIME types without pairing them with extensions; mkv and gifv get the closest listed ones.
const MP4 = ['video/mp4', 'application/mp4'];
const VIDEO: Record<string, string[]> = {
  amv: ['video/x-amv'], asf: ['video/x-ms-asf'], wmv: ['video/x-ms-asf'], avi: ['video/x-msvideo'], f4v: ['video/x-f4v'],
  flv: ['video/x-f4v'], gifv: MP4, m4v: MP4, mkv: ['video/webm'], webm: ['video/webm'], mov: ['video/quicktime'],
  qt: ['video/quicktime'], mpeg: ['video/mpeg'],
};

/** .mp4 is both an audio and a video extension. */
const BY_EXTENSION: Record<string, string[]> = { ...AUDIO, ...DOCUMENT, ...IMAGE, ...VIDEO, mp4: [...MP4, 'audio/mp4'] };
const SUPPORTED_MIME = new Set(Object.values(BY_EXTENSION).flat());

export function extensionOf(filename: string | null | undefined): string | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename ?? '');
  return match?.[1]?.toLowerCase();
}

/** `text/plain; charset=utf-8` → `text/plain`; octet-stream (a Blob without a type) counts as not given. */
export function bareMime(contentType: string | null | undefined): string | undefined {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase();
  return bare && bare !== 'application/octet-stream' ? bare : undefined;
}

export type FileTypeCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/**
 * The upload's type from its filename and content type: a supported extension or a supported MIME type
 * is needed, and when both are given they must agree.
 */
export function checkFileType(filename: string | null | undefined, contentType: string | null | undefined): FileTypeCheck {
  const extension = extensionOf(filename);
  const mime = bareMime(contentType);
  const allowed = extension ? BY_EXTENSION[extension] : undefined;
  if (extension && !allowed) return { ok: false, reason: `the file extension \`.${extension}\` is not supported` };
  if (mime && !SUPPORTED_MIME.has(mime)) return { ok: false, reason: `the content type \`${mime}\` is not supported` };
  if (allowed && mime && !allowed.includes(mime)) {
    return { ok: false, reason: `the content type \`${mime}\` does not match the file extension \`.${extension}\`` };
  }
  const resolved = mime ?? allowed?.[0];
  if (!resolved) return { ok: false, reason: 'the file has neither a supported extension nor a content type' };
  return { ok: true, contentType: resolved };
}

/** Where an uploaded file may be attached: media blocks, icons and covers need a matching kind of file. */
export type AttachSlot = 'image' | 'video' | 'audio' | 'pdf' | 'any';

export function fitsSlot(contentType: string, slot: AttachSlot): boolean {
  const mime = bareMime(contentType) ?? '';
  switch (slot) {
    case 'image':
      return mime.startsWith('image/');
    case 'video':
      return mime.startsWith('video/') || mime === 'application/mp4';
    case 'audio':
      return mime.startsWith('audio/');
    case 'pdf':
      return mime === 'application/pdf';
    case 'any':
      return true;
  }
}

/** The first extension listed for a MIME type (names a file that arrived without one). */
export function extensionFor(contentType: string | null | undefined): string {
  const mime = bareMime(contentType);
  return Object.entries(BY_EXTENSION).find(([, types]) => mime !== undefined && types.includes(mime))?.[0] ?? 'bin';
}
