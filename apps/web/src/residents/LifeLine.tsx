/**
 * The life-line: one horizontal SVG of the resident's life in Japan — the stay (period of
 * stay, special period), time abroad, each residence card while valid, deadlines as markers,
 * the as-of date as a line. The picture a caseworker used to draw by hand.
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline, StatusSegment } from './api';
import { addDays, daysBetween, formatDate } from '../dates/format-date';
import { statusName } from '../record/StatusSelect';
import { lifelineBands } from './lifeline-bands';
import { ScrollRegion } from '../layout/ScrollRegion';

const WIDTH = 1000;
const LEFT = 110;
const RIGHT = 20;
const COLOURS: Record<string, string> = {
  period_of_stay: '#0b7285',
  special_period: '#e8590c',
  abroad: '#868e96',
  other: '#5f3dc4',
  card: '#1864ab',
};
const MARKER: Record<string, string> = {
  overdue: '#c92a2a',
  open: '#e8590c',
  upcoming: '#495057',
  met: '#2b8a3e',
  met_late: '#862e9c',
  void: '#adb5bd',
};

export function LifeLine({ segments, deadlines, asOf }: { segments: StatusSegment[]; deadlines: Deadline[]; asOf: string }) {
  const { t, i18n } = useTranslation();
  const dates = segments.map((s) => s.from).filter((d): d is string => d !== null);
  if (dates.length === 0) return <Text size="sm">{t('resident.noEvents')}</Text>;
  const finite = (d: string | null | undefined) => (d && d < '9000-01-01' ? [d] : []);
  const start = addDays(dates[0]!, -30);
  const candidates = [
    asOf,
    ...dates,
    ...deadlines.flatMap((d) => finite(d.dueOn)),
    ...segments.flatMap((s) => finite(s.status.residence.lawfulUntil)),
  ];
  const end = addDays(candidates.sort().at(-1)!, 60);
  const span = Math.max(1, daysBetween(start, end));
  const x = (date: string) => LEFT + ((WIDTH - LEFT - RIGHT) * Math.min(span, Math.max(0, daysBetween(start, date)))) / span;
  const bands = lifelineBands(segments, end);
  const lanes = { stay: 40, card: 90, deadlines: 140 };
  const firstYear = Number(start.slice(0, 4)) + 1;
  const lastYear = Number(end.slice(0, 4));
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 10));
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i).filter(
    (y) => (y - firstYear) % step === 0,
  );
  const date = (d: string) => formatDate(d, i18n.language);

  return (
    <ScrollRegion className="lifeline-scroll" label={t('resident.lifeline')}>
      <svg
        viewBox={`0 0 ${WIDTH} 200`}
        width="100%"
        style={{ minWidth: 640, display: 'block' }}
        role="img"
        aria-labelledby="lifeline-title lifeline-desc"
        data-testid="lifeline"
      >
        <title id="lifeline-title">{t('resident.lifeline')}</title>
        <desc id="lifeline-desc">{t('resident.lifelineDescription')}</desc>
        {/* The lanes' names fit the margin left of the bands (LEFT) in either language: short words. */}
        <text x={8} y={lanes.stay + 15} fontSize={13} fill="#212529" data-lane-label>
          {t('resident.lanes.stay')}
        </text>
        <text x={8} y={lanes.card + 15} fontSize={13} fill="#212529" data-lane-label>
          {t('resident.lanes.card')}
        </text>
        <text x={8} y={lanes.deadlines + 5} fontSize={13} fill="#212529" data-lane-label>
          {t('resident.lanes.deadlines')}
        </text>
        {years.map((year) => (
          <g key={year}>
            <line x1={x(`${year}-01-01`)} x2={x(`${year}-01-01`)} y1={20} y2={175} stroke="#dee2e6" />
            <text x={x(`${year}-01-01`)} y={192} fontSize={12} textAnchor="middle" fill="#495057">
              {year}
            </text>
          </g>
        ))}
        {bands.map((band) => {
          const y = band.lane === 'stay' ? lanes.stay : lanes.card;
          const width = Math.max(2, x(band.to) - x(band.from));
          const text =
            band.lane === 'card'
              ? band.label
              : band.kind === 'period_of_stay'
                ? statusName(band.label, i18n.language)
                : t(`resident.legend.${band.kind}`, { defaultValue: '' });
          return (
            <g key={`${band.lane}-${band.from}`} data-band={band.kind}>
              <rect x={x(band.from)} y={y} width={width} height={22} rx={3} fill={COLOURS[band.kind] ?? '#5f3dc4'}>
                <title>{`${text ?? ''} ${date(band.from)} – ${date(addDays(band.to, -1))}`}</title>
              </rect>
              {width > 70 && (
                <text x={x(band.from) + 4} y={y + 15} fontSize={12} fill="#fff" style={{ pointerEvents: 'none' }}>
                  {clip(text ?? '', width)}
                </text>
              )}
            </g>
          );
        })}
        {deadlines.map((deadline) => {
          const cx = x(deadline.dueOn);
          const label = i18n.language === 'en' ? deadline.label.en : deadline.label.ja;
          return (
            <path
              key={deadline.id}
              d={`M ${cx} ${lanes.deadlines - 8} l 6 12 l -12 0 z`}
              fill={MARKER[deadline.state] ?? '#495057'}
              data-deadline={deadline.kind}
            >
              <title>{`${label}: ${date(deadline.dueOn)} (${t(`deadlineState.${deadline.state}`)})`}</title>
            </path>
          );
        })}
        <line x1={x(asOf)} x2={x(asOf)} y1={25} y2={175} stroke="#c92a2a" strokeWidth={2} strokeDasharray="4 3">
          <title>{`${t('resident.legend.today')}: ${date(asOf)}`}</title>
        </line>
      </svg>
      <Group gap="md" mt={4}>
        {(['period_of_stay', 'special_period', 'abroad', 'card'] as const).map((kind) => (
          <Group key={kind} gap={4}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" rx="2" fill={COLOURS[kind]} />
            </svg>
            <Text size="xs">{t(`resident.legend.${kind}`)}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <svg width="14" height="14" aria-hidden="true">
            <path d="M 7 1 l 6 12 l -12 0 z" fill="#e8590c" />
          </svg>
          <Text size="xs">{t('resident.legend.deadline')}</Text>
        </Group>
      </Group>
    </ScrollRegion>
  );
}

/** Text that fits a band (about 13 px per character at this size). */
function clip(text: string, width: number): string {
  const fits = Math.floor((width - 8) / 13);
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}
