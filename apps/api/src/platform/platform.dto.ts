import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES } from './api-key.entity.js';
import { ORGANISATION_KINDS } from './organisation.entity.js';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Sakura Support Center' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind!: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'front desk' }) @IsString() @IsNotEmpty() @MaxLength(100) label!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: string;
}
