import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanCsvFile } from './scan-csv-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scan-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(name: string, content: string | Buffer): Promise<Awaited<ReturnType<typeof scanCsvFile>>> {
  const path = join(dir, name);
  await writeFile(path, content);
  return scanCsvFile(path);
}

describe('scanCsvFile', () => {
  it('finds the header record, without byte order mark or line break', async () => {
    const result = await scan('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('客户编码,"名,称"\r\nC1,a\r\n')]));
    expect(result).toMatchObject({ encoding: 'utf-8', byteOrderMark: true, shifts: [] });
    expect(result.headerBytes.toString('utf8')).toBe('客户编码,"名,称"');
  });

  it('tells GB18030 from UTF-8 by validity over the whole file', async () => {
    const gbkName = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]); // 客户 in GBK
    const result = await scan('gbk.csv', Buffer.concat([Buffer.from('id,name\n'), Buffer.from('x'.repeat(3_000_000)), Buffer.from(',\n1,'), gbkName, Buffer.from('\n')]));
    expect(result.encoding).toBe('gb18030');
    expect(result.headerBytes.toString('latin1')).toBe('id,name');
  });

  it('keeps UTF-8 whose characters straddle read chunks', async () => {
    // 1 MiB chunks: 客 (3 bytes) repeated so that many fall across a boundary.
    const result = await scan('wide.csv', `name\n${'客'.repeat(800_000)}\n`);
    expect(result.encoding).toBe('utf-8');
  });

  it('records blank lines between records as row shifts, ignoring line breaks inside quotes', async () => {
    const result = await scan('blank.csv', 'a,b\n1,"x\n\ny"\n\n2,z\r\n\r\n\r\n3,w\n4,v\n\n');
    expect(result.shifts).toEqual([
      { fromRecord: 1, shift: 1 },
      { fromRecord: 2, shift: 3 },
    ]);
  });

  it('flags UTF-16 files', async () => {
    expect((await scan('utf16.csv', Buffer.from([0xff, 0xfe, 0x61, 0x00]))).encoding).toBe('utf-16');
  });

  it('hashes the file bytes', async () => {
    expect((await scan('hash.csv', 'abc')).sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
