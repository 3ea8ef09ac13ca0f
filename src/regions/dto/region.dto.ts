import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';

export class RegionSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'A part of the name, any case or accents (`pal`, `kota pal`, `ilir timur`), or the start of a code (`16.7`); names starting with it come first',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RegencySearchQuery extends RegionSearchQuery {
  @ApiPropertyOptional({ description: 'Kemendagri province code, 2 digits', example: '16', pattern: '^\\d{2}$' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'province must be a 2-digit province code such as 16' })
  province?: string;
}

export class KecamatanSearchQuery extends RegionSearchQuery {
  @ApiPropertyOptional({
    description: 'Kemendagri regency/city code, `16.71` or `1671`',
    example: '16.71',
    pattern: '^\\d{2}\\.?\\d{2}$',
  })
  @IsOptional()
  @Matches(/^\d{2}\.?\d{2}$/, { message: 'regency must be a regency code such as 16.71 or 1671' })
  regency?: string;
}
