/** What a user reads when a scenario is refused: the loader's one message, in English. */
import { UserError } from '../../src/domain/errors.js';
import { loadScenario } from '../../src/io/scenario.js';

export async function messageOf(path: string): Promise<string> {
  try {
    await loadScenario(path);
  } catch (error) {
    if (error instanceof UserError) return error.format();
    throw error;
  }
  throw new Error('the scenario loaded without error');
}
