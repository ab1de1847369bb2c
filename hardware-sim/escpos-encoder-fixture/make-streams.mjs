// Writes ESC/POS streams made by an independent encoder (@point-of-sale/receipt-printer-encoder)
// into the folder given as the only argument, one file per scenario. The printer emulator's
// tests render them and read the pages back; nothing here knows how the emulator works.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

const out = process.argv[2];
if (!out) {
  console.error('usage: node make-streams.mjs <output folder>');
  process.exit(2);
}

const spanish = 'Año, canción, ¿Qué? ¡Sí! Ñandú';

function encoder(columns = 48) {
  return new ReceiptPrinterEncoder({ language: 'esc-pos', columns });
}

const scenarios = {
  // No code page chosen: the encoder relies on the printer's default, PC437.
  'default-codepage': encoder().initialize().line(spanish).cut('full'),

  // One line in each code page a Spanish ticket may use, each selected with ESC t.
  'codepages': encoder().initialize()
    .codepage('cp437').line(spanish)
    .codepage('cp850').line(spanish)
    .codepage('cp858').line(spanish + ' 5 €')
    .codepage('windows1252').line(spanish + ' 5 €')
    .cut('partial'),

  'styles': encoder().initialize()
    .line('font A line')
    .font('B').line('font B line').font('A')
    .bold(true).line('bold line').bold(false)
    .underline(true).line('underlined line').underline(false)
    .invert(true).line('REVERSE').invert(false)
    .size(2, 2).line('BIG').size(1, 1)
    .align('right').line('right').align('left')
    .lineSpacing('none').line('tight').line('tight').lineSpacing('default')
    .cut('full'),

  'qr': encoder().initialize()
    .align('center').qrcode('https://example.org/vmre?x=1', { model: 2, size: 6, errorlevel: 'm' })
    .cut('full'),

  'barcodes': encoder().initialize()
    .barcode('VMRE-12345', 'code128', { height: 80, width: 2, text: 'below' })
    .barcode('4006381333931', 'ean13', { height: 60, width: 3, text: 'none' })
    .cut('full'),

  // Two receipts in one stream, each ending in a cut followed by the encoder's line feed.
  'two-receipts': encoder()
    .initialize().line('first').cut('full').line('second').cut('partial'),

  // A 58 mm roll: 32 columns.
  'narrow': encoder(32).initialize().line('x'.repeat(32)).cut('full'),
};

for (const [name, builder] of Object.entries(scenarios)) {
  writeFileSync(join(out, name + '.bin'), builder.encode());
}
