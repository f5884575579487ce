/*
 * `jixiao batch --jobs N` 的工作线程。A worker thread of `jixiao batch --jobs N`: scores the chunks the main thread
 * sends, in the order given, with the very code of `--jobs 1`. It receives the definition the main thread has
 * already read and checked (not the file), so it loads only the library, not the CLI's commands and presets: each
 * worker's memory stays small.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createScorer, defineTemplate, type FrameworkDefinition, type TemplateDefinition } from '../index.js';
import { blockRecords, scoreWith, type ChunkConfig, type Engine, type RawRecord } from './batchChunk.js';

/** What a worker is started with. */
export type WorkerData = { readonly config: ChunkConfig } & ({ readonly framework: FrameworkDefinition } | { readonly template: TemplateDefinition });

const data = workerData as WorkerData;
const config = data.config;
const engine: Engine = 'framework' in data ? { scorer: createScorer(data.framework) } : { template: defineTemplate(data.template) };

parentPort?.on('message', (m: { seq: number; records?: RawRecord[]; block?: Uint8Array; firstLine?: number; start: number; columns?: string[] }) => {
  const records = m.records ?? (m.block === undefined ? [] : blockRecords(m.block, m.firstLine ?? 1));
  const { text, stats } = scoreWith(engine, records, m.start, m.columns === undefined ? config : { ...config, columns: m.columns });
  parentPort?.postMessage({ seq: m.seq, text, stats });
});
