import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The interface speaks the locale's language: tests that expect English say so here, whatever the
    // developer's own locale; tests of the French interface set LANG=fr_FR.UTF-8 themselves.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
