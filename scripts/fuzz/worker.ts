/** Worker-thread entry of the fuzz run (started by run.ts through boot.mjs). */
import { parentPort, workerData } from 'node:worker_threads';
import { runRange, type RangeOptions } from './engine.js';

const data = workerData as { range: RangeOptions; heartbeat: SharedArrayBuffer };
if (parentPort === null) throw new Error('scripts/fuzz/worker.ts runs in a worker thread');
const port = parentPort;
runRange(data.range, (e) => port.postMessage(e), new Float64Array(data.heartbeat));
