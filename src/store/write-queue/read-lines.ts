// Lines of a file with their end offsets, read in chunks so a big spool never sits in
// memory whole. The last line is marked incomplete when no newline ends it (a torn write).
import { open } from 'node:fs/promises';

export interface Line {
  line: string;
  /** Byte offset just after this line's newline. */
  end: number;
  complete: boolean;
}

export async function* readLines(path: string, chunkSize = 1 << 16): AsyncGenerator<Line> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    const buf = Buffer.alloc(chunkSize);
    let carry: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunkSize, offset);
      if (bytesRead === 0) break;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start);
        if (nl < 0 || nl >= bytesRead) break;
        carry.push(buf.subarray(start, nl));
        // Splitting on the newline byte never cuts a UTF-8 character.
        yield { line: Buffer.concat(carry).toString('utf8'), end: offset + nl + 1, complete: true };
        carry = [];
        start = nl + 1;
      }
      if (start < bytesRead) carry.push(Buffer.from(buf.subarray(start, bytesRead)));
      offset += bytesRead;
    }
    if (carry.length) {
      yield { line: Buffer.concat(carry).toString('utf8'), end: offset, complete: false };
    }
  } finally {
    await fh.close();
  }
}
