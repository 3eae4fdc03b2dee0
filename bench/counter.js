// A bare Ink app that redraws a counter on each key: the baseline for the simulator's key to frame.
import { render, Text, useApp, useInput } from 'ink';
import { createElement, useState } from 'react';

function Counter() {
  const [count, setCount] = useState(0);
  const { exit } = useApp();
  useInput((input) => (input === 'q' ? exit() : setCount((value) => value + 1)));
  return createElement(Text, null, `count ${count}`);
}

render(createElement(Counter));
