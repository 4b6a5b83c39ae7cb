import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES } from '../auth/principal.js';

export class InviteUserDto {
  @ApiProperty({ example: 'Tanaka Yuki' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'yuki@sakura-support.example' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: string;
  @ApiPropertyOptional({ description: 'true ends every session of the user at once' }) @IsOptional() @IsBoolean() disabled?: boolean;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'at least 12 characters, not a commonly used password, not holding the e-mail address or its name part' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class SignInDto {
  @ApiProperty() @IsString() @MaxLength(320) email!: string;
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;
  @ApiPropertyOptional({ description: 'the 6-digit code of the authenticator app, when TOTP is on' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  totp?: string;
  @ApiPropertyOptional({ description: 'a single-use recovery code instead of the TOTP code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' }) @IsString() @Matches(/^\s*\d{6}\s*$/, { message: 'must be the 6-digit code' }) code!: string;
}

export class SignInPolicyDto {
  @ApiProperty({ description: 'every user of the organisation must sign in with a TOTP code' }) @IsBoolean() requireTotp!: boolean;
}
