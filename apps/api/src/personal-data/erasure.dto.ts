import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ERASURE_REASONS } from '@zairyu/resident-streams';

export class EraseResidentDto {
  @ApiProperty({
    enum: ERASURE_REASONS,
    description:
      "data_subject_request: the person asked (本人の請求); retention_ended: nothing requires the records any more; recorded_in_error: a person who should not have been recorded. No free text: the reason outlives the person's data.",
  })
  @IsIn(ERASURE_REASONS)
  reason!: string;
}
