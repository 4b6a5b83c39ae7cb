import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../events/calendar-date.validator.js';

export class RegisterResidentDto {
  @ApiProperty({ example: 'NGUYEN VAN AN', description: 'As on the passport / card.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: '1998-07-21' })
  @IsCalendarDate()
  dateOfBirth!: string;

  @ApiProperty({ example: 'VNM', description: 'ISO 3166-1 alpha-3' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code such as VNM' })
  nationality!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) gender?: string;
  @ApiPropertyOptional({ description: 'Your own reference for the client' }) @IsOptional() @IsString() @MaxLength(100) externalRef?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}
