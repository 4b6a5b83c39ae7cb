/**
 * BIZ UDPゴシック (self-hosted) and colours with enough contrast for WCAG AA (axe's
 * color-contrast rule, 4.5:1 for text). Mantine's default teal, orange, yellow, green and red are
 * too light for text: their darker shades (7–9), which Mantine uses for text on white
 * ("filled", shade 8) and on the tinted "light" backgrounds (shade 9 on shade 1), are replaced
 * here by darker ones. Ratios against white: teal 8 6.5, red 8 6.7, orange 8 6.5, yellow 8 6.1,
 * green 8 6.1; shade 9 on shade 1 is above 6.8 for each.
 */
import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

function darker(name: string, seven: string, eight: string, nine: string): MantineColorsTuple {
  const [s0, s1, s2, s3, s4, s5, s6] = DEFAULT_THEME.colors[name]!;
  return [s0, s1, s2, s3, s4, s5, s6, seven, eight, nine];
}

export const theme = createTheme({
  fontFamily: '"BIZ UDPGothic", "Hiragino Sans", "Noto Sans JP", sans-serif',
  headings: { fontFamily: '"BIZ UDPGothic", "Hiragino Sans", "Noto Sans JP", sans-serif' },
  colors: {
    teal: darker('teal', '#0b7a5c', '#086b50', '#055240'),
    red: darker('red', '#c92a2a', '#b02525', '#8f1d1d'),
    orange: darker('orange', '#c2410c', '#a63b0a', '#8a3208'),
    yellow: darker('yellow', '#a86400', '#8f5400', '#754500'),
    green: darker('green', '#2b8a3e', '#237032', '#1b5e2a'),
  },
  primaryColor: 'teal',
  primaryShade: 8,
  // Filled badges and buttons on a light colour get dark text.
  autoContrast: true,
  defaultRadius: 'sm',
  focusRing: 'always',
});

/** Mantine's "dimmed" grey (gray 6, 3.3:1 on white) and error red (red 6) are too light for text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
