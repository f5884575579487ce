/*
 * `jixiao batch --jobs N` 的工作线程。A worker thread of `jixiao batch --jobs N`: loads the framework itself,
 * then scores the chunks the main thread sends, in the order given, with the very code of `--jobs 1`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createScorer } from '../index.js';
import { jsonlRecords, scoreChunk, type ChunkConfig, type RawRecord } from './batchChunk.js';
import { loadFramework } from './commands.js';

const { framework: ref, config } = workerData as { framework: string; config: ChunkConfig };
const loaded = loadFramework(ref);
if (loaded.framework === undefined) throw new Error(`framework ${ref} has issues`);
const scorer = createScorer(loaded.framework);

parentPort?.on('message', (m: { seq: number; records?: RawRecord[]; block?: Uint8Array; firstLine?: number; start: number; columns?: string[] }) => {
  const records = m.records ?? jsonlRecords(m.block === undefined ? '' : Buffer.from(m.block.buffer, m.block.byteOffset, m.block.byteLength).toString('utf8'), m.firstLine ?? 1);
  const { text, stats } = scoreChunk(scorer, records, m.start, m.columns === undefined ? config : { ...config, columns: m.columns });
  parentPort?.postMessage({ seq: m.seq, text, stats });
});
