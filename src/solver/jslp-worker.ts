/** Worker-thread entry: solves one model with javascript-lp-solver per message. */
import { parentPort } from 'node:worker_threads';
import type { AllocationModel } from '../model/types.js';
import { solveWithJslp } from './jslp.js';
import type { RawAnswer } from './types.js';

export interface JslpRequest {
  readonly id: number;
  readonly model: AllocationModel;
  readonly timeLimitMs: number;
}

export interface JslpReply {
  readonly id: number;
  readonly answer: RawAnswer;
}

parentPort?.on('message', (request: JslpRequest) => {
  let answer: RawAnswer;
  try {
    answer = solveWithJslp(request.model, request.timeLimitMs);
  } catch (error) {
    answer = { status: 'failed', reason: `javascript-lp-solver stopped with an error: ${(error as Error).message}` };
  }
  const reply: JslpReply = { id: request.id, answer };
  parentPort?.postMessage(reply);
});
