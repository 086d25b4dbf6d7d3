// fontverter ships no types: it converts font files between formats (used by src/sharing/build/card-fonts.ts).
declare module 'fontverter' {
  type Format = 'sfnt' | 'truetype' | 'woff' | 'woff2';
  const fontverter: {
    convert(buffer: Buffer, toFormat: Format, fromFormat?: Format): Promise<Buffer>;
    detectFormat(buffer: Buffer): Format;
  };
  export default fontverter;
}
