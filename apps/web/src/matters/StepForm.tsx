/**
 * A matter step's form on one line (dates, fields and the button that records them), which the
 * page never reloads for: the step's own `onSubmit` records the fact.
 */
import { Group } from '@mantine/core';
import type { ReactNode } from 'react';

export function StepForm({ onSubmit, children }: { onSubmit(): void; children: ReactNode }) {
  return (
    <Group align="flex-start" gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), onSubmit())}>
      {children}
    </Group>
  );
}
