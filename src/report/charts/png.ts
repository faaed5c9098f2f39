// SVG → PNG with resvg (a prebuilt native module; no canvas, nothing downloaded at run
// time). resvg draws text only with a font it can find, so system fonts are loaded and
// DejaVu Sans (which has ə, ğ, ş) is preferred; no fonts are shipped with the project.

export interface PngOptions {
  /** Output width in pixels; height follows the SVG's aspect ratio. */
  width?: number;
  /** Extra font files, for systems without fonts in the usual places. */
  fontFiles?: string[];
}

export async function svgToPng(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    ...(opts.width ? { fitTo: { mode: 'width' as const, value: opts.width } } : {}),
    font: {
      loadSystemFonts: true,
      ...(opts.fontFiles ? { fontFiles: opts.fontFiles } : {}),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || SIGNATURE.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
