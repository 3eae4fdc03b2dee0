/** Draws lines of styled segments, one Text per line. */
import { Box, Text } from 'ink';
import { visible } from '../io/text.js';
import { lineWidth, type Line } from './lines.js';

/** Draws at most `height` lines (all when undefined); `dim` greys everything (a stale allocation). */
export function Lines({ lines, height, dim = false }: { readonly lines: readonly Line[]; readonly height?: number; readonly dim?: boolean }) {
  const shown = height === undefined ? lines : lines.slice(0, Math.max(0, height));
  return (
    <Box flexDirection="column">
      {shown.map((line, index) => (
        <Text key={index} wrap="truncate" dimColor={dim}>
          {line.length === 0 || lineWidth(line) === 0
            ? ' '
            : line.map((segment, part) => (
                <Text key={part} color={dim ? undefined : segment.color} bold={segment.bold === true} dimColor={dim || segment.dim === true} inverse={!dim && segment.inverse === true}>
                  {visible(segment.text)}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
