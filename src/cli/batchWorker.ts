/*
 * `jixiao batch --jobs N` 的工作线程。A worker thread of `jixiao batch --jobs N`: loads the framework itself,
 * then scores the chunks the main thread sends, in the order given, with the very code of `--jobs 1`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createScorer } from '../index.js';
import { blockText, jsonlRecords, scoreWith, type ChunkConfig, type Engine, type RawRecord } from './batchChunk.js';
import { loadFramework, loadTemplate } from './commands.js';

const { framework: ref, forms, config } = workerData as { framework: string; forms: boolean; config: ChunkConfig };
const engine = ((): Engine => {
  if (forms) {
    const t = loadTemplate(ref);
    if (t.template === undefined) throw new Error(`template ${ref} has issues`);
    return { template: t.template };
  }
  const loaded = loadFramework(ref);
  if (loaded.framework === undefined) throw new Error(`framework ${ref} has issues`);
  return { scorer: createScorer(loaded.framework) };
})();

parentPort?.on('message', (m: { seq: number; records?: RawRecord[]; block?: Uint8Array; firstLine?: number; start: number; columns?: string[] }) => {
  const records = m.records ?? jsonlRecords(m.block === undefined ? '' : blockText(m.block), m.firstLine ?? 1);
  const { text, stats } = scoreWith(engine, records, m.start, m.columns === undefined ? config : { ...config, columns: m.columns });
  parentPort?.postMessage({ seq: m.seq, text, stats });
});
