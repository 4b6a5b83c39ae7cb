/** BIZ UDPゴシック (self-hosted) and colours with enough contrast for axe's AA checks. */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  fontFamily: '"BIZ UDPGothic", "Hiragino Sans", "Noto Sans JP", sans-serif',
  headings: { fontFamily: '"BIZ UDPGothic", "Hiragino Sans", "Noto Sans JP", sans-serif' },
  primaryColor: 'teal',
  primaryShade: 8,
  defaultRadius: 'sm',
  focusRing: 'always',
});
