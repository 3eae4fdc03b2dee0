// A bare Ink app, the baseline for the simulator's time to first frame.
import { render, Text } from 'ink';
import { createElement } from 'react';

const app = render(createElement(Text, null, 'hello from ink'));
process.stdin.setRawMode?.(true);
process.stdin.on('data', (data) => {
  if (String(data) === 'q') {
    app.unmount();
    process.exit(0);
  }
});
