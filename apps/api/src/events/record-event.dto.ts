import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { RECORDABLE_EVENT_TYPES } from '@zairyu/domain';
import { IsCalendarDate } from './calendar-date.validator.js';

export class RecordEventDto {
  @ApiProperty({ enum: RECORDABLE_EVENT_TYPES, description: 'The fact recorded; its `data` is described under each type.' })
  @IsIn(RECORDABLE_EVENT_TYPES, { message: `must be one of the event types: ${RECORDABLE_EVENT_TYPES.join(', ')}` })
  type!: string;

  @ApiProperty({ example: '2026-04-01', description: 'The legal date of the fact (Japan time); not in the future, not before birth.' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Fields of the event type; {} when it has none.' })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}
