import { inflateSync } from 'node:zlib';

/**
 * The text a PDF made by pdfkit shows: its (deflated) content streams' TJ strings, WinAnsi
 * decoded, one per line. Enough to check what an invoice or a receipt says.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
      texts.push(
        Buffer.from(hex, 'hex')
          .toString('latin1')
          .replace(/\u0080/g, '€'),
      );
    }
  }
  return texts.join('\n');
}
