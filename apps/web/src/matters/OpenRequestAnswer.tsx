/**
 * A request of the bureau still open on the resident (資料提出通知, 出頭通知), shown with its due
 * day, and the day it was answered, recorded as the fact that closes it.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { DateText } from '../dates/DateText';
import { todayInJapan } from '../dates/format-date';
import { parseDate } from '../dates/parse-date';
import { StepForm } from './StepForm';

export function OpenRequestAnswer({
  notice,
  testId,
  dateLabel,
  buttonLabel,
  pending,
  onAnswer,
}: {
  notice: string;
  testId: string;
  dateLabel: string;
  buttonLabel: string;
  pending: boolean;
  onAnswer(day: string): void;
}) {
  const [answeredOn, setAnsweredOn] = useState(todayInJapan());
  const day = parseDate(answeredOn);
  return (
    <StepForm
      onSubmit={() => {
        if (day) onAnswer(day);
      }}
    >
      <Text fw={700} c="orange.8" mt={30} data-testid={testId}>
        {notice}
      </Text>
      <DateText label={dateLabel} value={answeredOn} onChange={setAnsweredOn} required />
      <Button type="submit" mt={25} disabled={!day} loading={pending}>
        {buttonLabel}
      </Button>
    </StepForm>
  );
}
