/** Where things go on the screen, from the terminal's size: shared by the components and the key maps. */

/** Lines the header and the footer take. */
export const HEADER_LINES = 2;
export const FOOTER_LINES = 3;
/** Below this the screen cannot be drawn usefully. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 12;

export interface Layout {
  readonly columns: number;
  /** One line short of the terminal: a frame as tall as the screen makes Ink clear it on every update. */
  readonly height: number;
  /** Lines between the header and the footer. */
  readonly body: number;
  /** Width of the conflict panel (0 without one) and of the view beside it. */
  readonly panel: number;
  readonly main: number;
  readonly tooSmall: boolean;
}

export function layoutOf(size: { readonly columns: number; readonly rows: number }, withPanel: boolean): Layout {
  const { columns, rows } = size;
  const height = Math.max(1, rows - 1);
  const panel = withPanel ? (columns >= 120 ? 46 : columns >= 100 ? 42 : Math.max(30, Math.floor(columns * 0.42))) : 0;
  return {
    columns,
    height,
    body: Math.max(1, height - HEADER_LINES - FOOTER_LINES),
    panel,
    main: columns - panel - (withPanel ? 1 : 0),
    tooSmall: columns < MIN_COLUMNS || rows < MIN_ROWS,
  };
}
