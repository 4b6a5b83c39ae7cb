/** The bodies of the employers endpoints (docs/api-v1.md "Additions of 2026-11-23"; docs/ssw-duties.md §2). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import {
  isCorporateNumber,
  isLocalDate,
  japanesePhoneNumber,
  SUPPORT_BUSINESS_CHANGES,
  supportRegistrationNumber,
  type SupportBusinessChange,
} from '@zairyu/domain';

const CorporateNumber = () =>
  ValidateBy({
    name: 'corporateNumber',
    validator: {
      validate: (value: unknown) => isCorporateNumber(value),
      defaultMessage: () => 'must be a 法人番号: 13 digits whose first is the check digit (平成26年財務省令第70号 2条)',
    },
  });

const CONTACT_FIELDS = ['name', 'phone', 'email'];

/** A contact is a line of text, or `{ name?, phone?, email? }`. */
const Contact = () =>
  ValidateBy({
    name: 'contact',
    validator: {
      validate: (value: unknown) => {
        if (typeof value === 'string') return value.trim().length > 0 && value.length <= 500;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        return Object.entries(value).every(([key, item]) => CONTACT_FIELDS.includes(key) && typeof item === 'string' && item.length <= 200);
      },
      defaultMessage: () => 'must be a text of up to 500 characters or { name?, phone?, email? } with texts of up to 200',
    },
  });

/** The messages name the form expected, so the desk can say it in Japanese by field. */
export const REGISTRATION_NUMBER_MESSAGE = 'must be a 登録番号 as ISA gives it: two digits, 登, a hyphen and six digits (19登-000123)';
export const PHONE_MESSAGE = 'must be a Japanese telephone number: 0 and 9 or 10 more digits, hyphens allowed (03-1234-5678)';

const RegistrationNumber = () =>
  ValidateBy({
    name: 'supportRegistrationNumber',
    validator: {
      validate: (value: unknown) => supportRegistrationNumber(value) !== null,
      defaultMessage: () => REGISTRATION_NUMBER_MESSAGE,
    },
  });

const PhoneNumber = () =>
  ValidateBy({
    name: 'phoneNumber',
    validator: { validate: (value: unknown) => japanesePhoneNumber(value) !== null, defaultMessage: () => PHONE_MESSAGE },
  });

const CalendarDate = () =>
  ValidateBy({
    name: 'calendarDate',
    validator: { validate: (value: unknown) => isLocalDate(value), defaultMessage: () => 'must be a calendar date YYYY-MM-DD that exists' },
  });

export class CreateEmployerDto {
  @ApiProperty({ example: '東海フーズ株式会社' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: '7123456789012', description: '法人番号 (13 digits, check digit validated)' })
  @IsOptional()
  @CorporateNumber()
  corporateNumber?: string;
  @ApiPropertyOptional({ example: '愛知県名古屋市中区1-2-3' }) @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ description: 'a text, or { name?, phone?, email? }' }) @IsOptional() @Contact() contact?: unknown;
  @ApiPropertyOptional({ description: 'the employer files 外国人雇用状況の届出 at Hello Work (its deadlines are shown)' })
  @IsOptional()
  @IsBoolean()
  filesHelloWork?: boolean;
}

/** A PATCH: any field; `null` clears an optional one. */
export class UpdateEmployerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CorporateNumber()
  corporateNumber?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(500)
  address?: string | null;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((_, value) => value !== null && value !== undefined) @Contact() contact?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() filesHelloWork?: boolean;
}

/** What a support organisation records about its own registration (法19条の23). */
export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: '2027-08-31', description: 'last day of the registration as a 登録支援機関', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  registrationExpiresOn?: string | null;
  @ApiPropertyOptional({ description: 'the renewal was applied for on this day', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  registrationRenewalAppliedOn?: string | null;
  @ApiPropertyOptional({
    description: 'the latest change of a registered matter (入管法19条の27): notified within 14 days',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  registeredMattersChangedOn?: string | null;
  @ApiPropertyOptional({ description: 'that change was notified to ISA on this day', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  registeredMattersNotifiedOn?: string | null;
  @ApiPropertyOptional({
    enum: SUPPORT_BUSINESS_CHANGES,
    description: 'the latest suspension, closure or (planned) resumption of the support business (19条の29)',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(SUPPORT_BUSINESS_CHANGES)
  supportBusinessChange?: SupportBusinessChange | null;
  @ApiPropertyOptional({ description: 'the day of that suspension or closure, or the day the business resumes', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  supportBusinessChangeOn?: string | null;
  @ApiPropertyOptional({ description: 'that suspension, closure or resumption was notified to ISA on this day', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  supportBusinessNotifiedOn?: string | null;
  @ApiPropertyOptional({
    example: 2025,
    description:
      'the fiscal year (1 April – 31 March, named by the year it starts in) of the latest yearly report filed (支援実施状況に係る届出)',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(2019)
  @Max(2100)
  annualReportFiscalYear?: number | null;
  @ApiPropertyOptional({ description: 'that yearly report was filed on this day', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @CalendarDate()
  annualReportFiledOn?: string | null;
  @ApiPropertyOptional({
    example: '19登-000123',
    description: 'the registration number as a 登録支援機関 (登録番号: two digits, 登, a hyphen, six digits; full-width accepted)',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @RegistrationNumber()
  supportRegistrationNumber?: string | null;
  @ApiPropertyOptional({ example: '東京都千代田区霞が関1-1-1', description: 'address of the head office or main office', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(200)
  address?: string | null;
  @ApiPropertyOptional({
    example: '03-1234-5678',
    description: 'telephone number (0 and 9 or 10 more digits; hyphens allowed)',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @PhoneNumber()
  phone?: string | null;
}
