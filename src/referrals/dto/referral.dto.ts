import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateReferralDto {
  @ApiProperty({ format: 'uuid', description: 'the job seeker referred; they must hold an AK1 card active today' })
  @IsUUID('all', { message: 'seekerId must be a job seeker id' })
  seekerId: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: "the officer's note; the seeker and the vacancy's employer both read it",
    example: 'Berpengalaman 2 tahun sebagai operator gudang; siap kerja shift.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
