// A small pool of worker threads (node:worker_threads) running citeproc-worker.mjs. Tasks queue up and go to the
// next idle worker, so styles and batches of different cost spread evenly over the cores.
import { Worker } from 'node:worker_threads';
import type { EngineItem } from './engine.mjs';

/** What a worker needs to build the engine of one style: the prepared style and every locale it loads. */
export interface EngineSpec {
  style: string;
  lang: string;
  locales: Record<string, string>;
}

interface Task {
  id: number;
  style: number;
  items: readonly EngineItem[];
  resolve: (html: string[]) => void;
  reject: (error: Error) => void;
}

// citeproc-js makes much short-lived garbage and keeps little: a worker's heap holds a few dozen MB after each
// collection, but V8 sizes the young generation by the machine, and at its default every worker's heap grew several
// times over what it keeps (measured with bench/citations.ts: the formatter's peak memory fell by a third with this
// limit, at the same speed). The old generation is left to V8, so a large item cannot run a worker out of memory.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

interface Slot {
  worker: Worker;
  task?: Task;
}

/** Worker threads that format batches of items; started on first use, ended by `close()`. */
export class WorkerPool {
  private slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  /** A pool of `size` workers running `file`, each able to build the engines of `specs`. */
  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly specs: readonly EngineSpec[],
  ) {}

  /** Formats items with the style at `style` (an index into the specs) in some worker. */
  run(style: number, items: readonly EngineItem[]): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.slots.length === 0) this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, style, items, resolve, reject });
      this.dispatch();
    });
  }

  private start(): void {
    for (let index = 0; index < this.size; index++) {
      const slot: Slot = {
        worker: new Worker(this.file, { workerData: { specs: this.specs }, resourceLimits: WORKER_LIMITS }),
      };
      slot.worker.on('message', (message: { task: number; html?: string[]; error?: string }) => {
        const task = slot.task;
        if (!task || task.id !== message.task) return;
        slot.task = undefined;
        if (message.error !== undefined) task.reject(new Error(message.error));
        else task.resolve(message.html!);
        this.dispatch();
      });
      // A worker ended by close() is no longer among the slots; any other end fails the tasks waiting for it.
      slot.worker.on('error', (error) => {
        if (this.slots.includes(slot)) this.fail(new Error(`citation worker failed: ${error.message}`));
      });
      slot.worker.on('exit', (code) => {
        if (this.slots.includes(slot)) this.fail(new Error(`citation worker exited early (code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.task && this.queue.length) {
        const task = this.queue.shift()!;
        slot.task = task;
        slot.worker.ref();
        slot.worker.postMessage({ task: task.id, style: task.style, items: task.items });
      }
      // An idle worker does not keep the process alive if the caller forgets close().
      if (!slot.task) slot.worker.unref();
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const slot of this.slots) {
      slot.task?.reject(error);
      slot.task = undefined;
    }
    for (const task of this.queue.splice(0)) task.reject(error);
    void this.close();
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
