import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';

export class ReminderPreferencesDto {
  @ApiPropertyOptional({ description: 'false: no digest at all' }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ enum: ['ja', 'en'] }) @IsOptional() @IsIn(['ja', 'en']) language?: string;
  @ApiPropertyOptional({ example: '08:00', description: 'when the digest is sent, Japan time (HH:MM)' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day HH:MM' })
  sendAt?: string;
  @ApiPropertyOptional({ description: 'no digest on Saturdays, Sundays, holidays and 29 Dec – 3 Jan (caught up the next working day)' })
  @IsOptional()
  @IsBoolean()
  skipClosedDays?: boolean;
  @ApiPropertyOptional({
    description: 'days before the due day, by deadline kind, e.g. {"period_renewal":[90,30,14]}',
    example: { reentry: [30, 7] },
    type: 'object',
    additionalProperties: { type: 'array', maxItems: 10, items: { type: 'integer', minimum: 0, maximum: 366 } },
  })
  @IsOptional()
  @IsObject()
  leadDays?: Record<string, number[]>;
  @ApiPropertyOptional({
    enum: ['caseload', 'mine'],
    description:
      "mine: only residents assigned to me (managers also get the organisation's own deadlines); escalations reach managers either way",
  })
  @IsOptional()
  @IsIn(['caseload', 'mine'])
  scope?: string;
}

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/zairyu' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  url!: string;
}
