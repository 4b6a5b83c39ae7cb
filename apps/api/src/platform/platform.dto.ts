import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ROLES } from '../auth/principal.js';
import { ORGANISATION_KINDS } from './organisation.entity.js';

/** The person who will run the new organisation's people; invited as its manager. */
export class FirstManagerDto {
  @ApiProperty({ example: 'Sato Hana' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'hana@sakura-support.example' }) @IsEmail() @MaxLength(320) email!: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Sakura Support Center' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind!: string;
  @ApiPropertyOptional({ type: FirstManagerDto, description: 'invite the first manager at once (the answer carries their one-time link)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstManagerDto)
  firstManager?: FirstManagerDto;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'front desk' }) @IsString() @IsNotEmpty() @MaxLength(100) label!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: string;
}
