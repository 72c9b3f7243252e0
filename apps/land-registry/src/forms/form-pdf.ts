import type PDFKit from 'pdfkit';
import type { FormContent } from './form-content';

/** pdfkit is loaded with the first form printed, not at start: it costs 9 MB of memory. */
let pdfkit: typeof PDFKit | undefined;
function PDFDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  pdfkit ??= require('pdfkit') as typeof PDFKit;
  return new pdfkit(options);
}

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has every Vietnamese letter with its
 * tone marks, and pdfkit embeds the glyphs used (a subset) in each file, so the form prints
 * the same everywhere. Read from node_modules, never fetched at run time.
 */
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The form as an A4 PDF. */
export function renderForm(form: FormContent, unit: string): Promise<Buffer> {
  const doc = PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'vi-VN',
    info: { Title: `${form.titleVi} ${form.number}`, Author: 'Văn phòng đăng ký đất đai' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('regular').text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown();
  doc.font('bold').text(`VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI — ${unit}`);
  doc.font('regular').text(`Số: ${form.number}`).moveDown();
  doc.font('bold').fontSize(14).text(form.titleVi, { align: 'center' });
  doc.font('regular').fontSize(9).text(form.modelVi, { align: 'center' }).moveDown();
  doc.fontSize(11);
  for (const [label, value] of form.lines) {
    doc.font('bold').text(`${label}: `, { continued: true, width });
    doc.font('regular').text(value, { width });
  }
  if (form.paragraphVi) doc.moveDown().text(form.paragraphVi, { width, align: 'justify' });
  doc.moveDown(2).font('bold').text('NGƯỜI KÝ', { align: 'right' });
  doc.font('regular').text(form.signerVi, { align: 'right' });
  doc.end();
  return done;
}
