import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentDisposition } from '../forms/content-disposition';
import { safeFileName, sniffType } from './file-type';
import { HttpVirusScanner } from './http-virus-scanner';
import { EICAR_SIGNATURE, EicarScanner, ScanUnavailableError } from './virus-scanner';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

describe('what an uploaded document really is', () => {
  it('reads PDF, JPEG and PNG from their first bytes, and refuses programs and web pages whatever their name', () => {
    expect([PDF, JPEG, PNG].map(sniffType)).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(sniffType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull(); // a Windows program
    expect(sniffType(Buffer.from('\x7fELF\x02\x01\x01'))).toBeNull();
    expect(sniffType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(sniffType(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a Vietnamese file name without folders or odd characters, ending as what it is', () => {
    expect(safeFileName('Hợp đồng chuyển nhượng.pdf', 'application/pdf')).toBe(
      'Hợp đồng chuyển nhượng.pdf',
    );
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\an\\scan "1";.JPG', 'image/jpeg')).toBe('scan 1.JPG');
    expect(safeFileName('hop-dong.exe', 'application/pdf')).toBe('hop-dong.exe.pdf');
    expect(safeFileName('scan\r\nContent-Type: text\u0000.png', 'image/png')).toBe(
      'scanContent-Type text.png',
    );
    expect(safeFileName(undefined, 'image/png')).toBe('tai-lieu.png');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(120);
  });
});

describe('the virus-scan hook', () => {
  const eicarPdf = Buffer.concat([PDF, Buffer.from(EICAR_SIGNATURE, 'latin1')]);

  it('refuses the EICAR test signature by default and lets other files through', async () => {
    const scanner = new EicarScanner();
    expect(await scanner.scan(eicarPdf)).toBe('INFECTED');
    expect(await scanner.scan(PDF)).toBe('CLEAN');
  });

  describe('over HTTP (a ClamAV REST front)', () => {
    let server: Server;
    let url: string;
    let answer: { status: number; body: string; delayMs?: number };
    let received = '';

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('latin1')));
        req.on('end', () => {
          received = body;
          setTimeout(() => res.writeHead(answer.status).end(answer.body), answer.delayMs ?? 0);
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scan`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('sends the file as multipart and reads clean, found and infected answers', async () => {
      const scanner = new HttpVirusScanner(url, 1000);
      answer = { status: 200, body: '{"Status":"OK","Description":""}' };
      expect(await scanner.scan(PDF, 'hop-dong.pdf')).toBe('CLEAN');
      expect(received).toContain('name="file"; filename="hop-dong.pdf"');
      expect(received).toContain('%PDF-1.7');
      answer = { status: 406, body: '{"Status":"FOUND","Description":"Win.Test.EICAR_HDB-1"}' };
      expect(await scanner.scan(PDF, 'x.pdf')).toBe('INFECTED');
      answer = { status: 200, body: '{"data":{"result":[{"name":"x.pdf","is_infected":true}]}}' };
      expect(await scanner.scan(PDF, 'x.pdf')).toBe('INFECTED');
      // EICAR is refused without asking the scanner.
      answer = { status: 200, body: 'OK' };
      expect(await scanner.scan(eicarPdf, 'x.pdf')).toBe('INFECTED');
      scanner.onApplicationShutdown();
    });

    it('gives no verdict when the scanner fails or is too slow: the upload must be refused', async () => {
      const scanner = new HttpVirusScanner(url, 200);
      answer = { status: 500, body: 'clamd not running' };
      await expect(scanner.scan(PDF, 'x.pdf')).rejects.toBeInstanceOf(ScanUnavailableError);
      answer = { status: 200, body: 'OK', delayMs: 1000 };
      await expect(scanner.scan(PDF, 'x.pdf')).rejects.toBeInstanceOf(ScanUnavailableError);
      const down = new HttpVirusScanner('http://127.0.0.1:9/scan', 200);
      await expect(down.scan(PDF, 'x.pdf')).rejects.toBeInstanceOf(ScanUnavailableError);
      scanner.onApplicationShutdown();
      down.onApplicationShutdown();
    });
  });
});

describe('the name a document is handed back under', () => {
  it('is encoded for every browser, with an ASCII stand-in and nothing that breaks the header', () => {
    expect(contentDisposition('attachment', "Sổ đỏ (bản sao) của bà O'Hara.pdf")).toBe(
      `attachment; filename="So-do-ban-sao-cua-ba-O-Hara.pdf"; filename*=UTF-8''S%E1%BB%95%20%C4%91%E1%BB%8F%20%28b%E1%BA%A3n%20sao%29%20c%E1%BB%A7a%20b%C3%A0%20O%27Hara.pdf`,
    );
  });
});
