/**
 * Settings for every export the plugin makes (references for Runware, and the panel's pictures,
 * compared against sRGB results): an image model reads pixels as sRGB, and
 * `exportAsync` renders in the document's profile unless asked (`colorProfile` defaults to
 * 'DOCUMENT'), so a Display P3 file's references would come back with shifted brand colours.
 */
export function srgbExport(format: 'PNG' | 'JPG', constraint: ExportSettingsConstraints): ExportSettingsImage {
  return { format, constraint, colorProfile: 'SRGB' };
}
