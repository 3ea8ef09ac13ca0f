// Page 1 of the PDF on stdin, read with MuPDF (the `mupdf` package, WebAssembly; a separate process as the
// package is ESM with top-level await): `png <dpi>` writes it rendered as a PNG, `text` writes its text.
import * as mupdf from 'mupdf';

const [mode, dpiArg] = process.argv.slice(2);
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const doc = mupdf.Document.openDocument(Buffer.concat(chunks), 'application/pdf');
const page = doc.loadPage(0);
if (mode === 'text') {
  process.stdout.write(page.toStructuredText().asText());
} else {
  const scale = Number(dpiArg ?? 150) / 72;
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  process.stdout.write(Buffer.from(pixmap.asPNG()));
}
