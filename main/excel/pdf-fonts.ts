import { createRequire } from 'node:module';

// DejaVu Sans, embedded in every PDF the app writes: it covers every Vietnamese letter, so a list prints the same
// from any viewer or a browser's print dialog.
const require = createRequire(import.meta.url);

export const PDF_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const PDF_FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
