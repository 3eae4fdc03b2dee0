/** Starting a worker thread on one of our own modules, from dist (JavaScript) or from source (tests). */
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) that sits beside `fromUrl`.
 * From source the worker is TypeScript and tsx must register first; from dist it is plain JavaScript.
 */
export function startModuleWorker(fromUrl: string, name: string): Worker {
  if (fromUrl.endsWith('.ts')) {
    const href = new URL(`./${name}.ts`, fromUrl).href;
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); })`, { eval: true });
  }
  return new Worker(new URL(`./${name}.js`, fromUrl));
}
