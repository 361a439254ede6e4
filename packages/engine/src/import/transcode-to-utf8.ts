import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/**
 * Streams a GB18030 (GBK) file into a UTF-8 copy for DuckDB, whose CSV
 * reader only reads UTF-8 (its encodings extension is not built in and cannot
 * be downloaded offline). Memory stays at one chunk.
 */
export async function transcodeToUtf8(source: string, target: string): Promise<void> {
  const decoder = new TextDecoder('gb18030');
  const out = createWriteStream(target);
  for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) {
    if (!out.write(decoder.decode(chunk as Buffer, { stream: true }))) await once(out, 'drain');
  }
  out.end(decoder.decode());
  await finished(out);
}
