/**
 * The board's rows, virtualised (@tanstack/react-virtual): only what is on screen is in the
 * DOM, so a caseload of thousands of deadlines scrolls smoothly.
 */
import { Anchor, Button, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllows } from '../auth/use-allows';
import { Link } from 'react-router';
import { daysBetween, formatDate } from '../dates/format-date';
import { toneOf, type BoardItem } from './group-deadlines';
import type { CaseloadDeadline } from './api';
import { OrganisationAct } from './OrganisationAct';

export function DeadlineList({ items, asOf }: { items: BoardItem[]; asOf: string }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (items[index]!.type === 'row' ? 76 : 48),
    overscan: 8,
  });
  return (
    <div
      ref={scroller}
      role="region"
      aria-label={t('board.title')}
      tabIndex={0}
      style={{ height: 'max(420px, calc(100vh - 330px))', overflowY: 'auto', border: '1px solid #dee2e6', borderRadius: 4 }}
    >
      <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={row.key}
              role="listitem"
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {item.type === 'group' ? (
                <Title order={3} size="h5" px="sm" py="xs" bg="gray.1" data-group={item.group}>
                  {t(`board.groups.${item.group}`)} ({t('board.total', { count: item.count })})
                </Title>
              ) : item.type === 'employer' ? (
                <Title order={3} size="h5" px="sm" py="xs" bg="gray.1" data-employer={item.employer ?? ''}>
                  {item.employer ?? t('board.noEmployer')} ({t('board.total', { count: item.count })}
                  {item.overdue > 0 && `・${t('board.overdueCount', { count: item.overdue })}`})
                </Title>
              ) : (
                <DeadlineRow deadline={item.deadline} asOf={asOf} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function DeadlineRow({ deadline, asOf }: { deadline: CaseloadDeadline; asOf: string }) {
  const { t, i18n } = useTranslation();
  // 対応する opens the record form: not for a viewer.
  const canRecord = useAllows('caseworker');
  const left = daysBetween(asOf, deadline.dueOn);
  const tone = toneOf(deadline, asOf);
  const when =
    deadline.state === 'upcoming' && deadline.opensOn
      ? t('board.opensOn', { date: formatDate(deadline.opensOn, i18n.language) })
      : left < 0
        ? t('board.daysOver', { count: -left })
        : left === 0
          ? t('board.dueToday')
          : t('board.daysLeft', { count: left });
  // 定期面談 is owed with the worker and, separately, with the supervisor: the deadline's key says which.
  const party = deadline.kind === 'support_interview' ? deadline.id.split(':').at(-1) : undefined;
  const withWhom = party === 'worker' || party === 'supervisor' ? `（${t(`board.interviewWith.${party}`)}）` : '';
  const label = (i18n.language === 'en' ? deadline.label.en : deadline.label.ja) + withWhom;
  const target = deadline.residentId ? `/residents/${deadline.residentId}` : null;
  return (
    <div
      className="deadline-row"
      data-tone={tone ?? undefined}
      data-testid="deadline-row"
      data-kind={deadline.kind}
      data-owed-by={deadline.owedBy ?? 'resident'}
    >
      <div>
        {target ? (
          <Anchor component={Link} to={target} fw={700}>
            {deadline.residentName ?? deadline.residentId}
          </Anchor>
        ) : (
          // The organisation's own deadline (its registration as a 登録支援機関): no resident to open.
          <Text fw={700}>{t('board.organisationLevel')}</Text>
        )}
        <Text size="xs">
          {t(`deadlineState.${deadline.state}`)}
          {deadline.owedBy && deadline.owedBy !== 'resident' && `・${t('board.owedBy', { who: t(`owedBy.${deadline.owedBy}`) })}`}
          {deadline.employerName && `（${deadline.employerName}）`}
        </Text>
        {deadline.assignedToName && (
          <Text size="xs" data-testid="deadline-assignee">
            {t('board.assignee', { name: deadline.assignedToName })}
          </Text>
        )}
      </div>
      <div>
        <Text fw={700}>{label}</Text>
        <Text size="xs">
          {t('board.basis')}: {deadline.legalBasis}
        </Text>
      </div>
      <div>
        <Text size="sm" fw={700} c={tone === 'red' ? 'red.9' : tone === 'amber' ? 'orange.9' : undefined} className="date">
          {when}
        </Text>
      </div>
      <div>
        {/* A date never breaks inside itself (2026年4月 / 1日): each is one unbreakable run. */}
        <Text size="xs">
          {t('board.statutory')}: <span className="date">{formatDate(deadline.statutoryDueOn, i18n.language)}</span>
        </Text>
        {deadline.dueOn !== deadline.statutoryDueOn && (
          <Text size="xs">
            {t('board.moved')}: <span className="date">{formatDate(deadline.dueOn, i18n.language)}</span>
          </Text>
        )}
      </div>
      <div>
        {target && canRecord && (
          <Button
            component={Link}
            to={`${target}?record=${encodeURIComponent(deadline.id)}`}
            size="xs"
            variant="light"
            aria-label={`${t('board.act')}: ${deadline.residentName ?? ''} ${label}`}
          >
            {t('board.act')}
          </Button>
        )}
        {!target && <OrganisationAct deadline={deadline} label={label} />}
      </div>
    </div>
  );
}
