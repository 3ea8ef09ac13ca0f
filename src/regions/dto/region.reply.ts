import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';

export class ProvinceReply {
  @ApiProperty({ example: '16', description: 'Kemendagri province code' })
  code: string;

  @ApiProperty({ example: 'Sumatera Selatan' })
  name: string;
}

export class RegencyReply {
  @ApiProperty({ example: '16.71', description: 'Kemendagri code' })
  code: string;

  @ApiProperty({ example: '1671', description: 'the same code without its dot (offices, REGION_CODE)' })
  compactCode: string;

  @ApiProperty({ example: '16' })
  provinceCode: string;

  @ApiProperty({ enum: ['KABUPATEN', 'KOTA'], example: 'KOTA' })
  type: 'KABUPATEN' | 'KOTA';

  @ApiProperty({ example: 'Palembang', description: 'the name without its type' })
  name: string;

  @ApiProperty({ example: 'Kota Palembang' })
  fullName: string;
}

export class KecamatanReply {
  @ApiProperty({ example: '16.71.05', description: 'Kemendagri code' })
  code: string;

  @ApiProperty({ type: String, nullable: true, example: '1671050', description: 'BPS code where known' })
  bpsCode: string | null;

  @ApiProperty({ example: 'Ilir Timur I' })
  name: string;

  @ApiProperty({ example: '16.71' })
  regencyCode: string;

  @ApiProperty({ example: 'Kota Palembang' })
  regencyName: string;
}

export const ProvincePage = PageOf(ProvinceReply);
export const RegencyPage = PageOf(RegencyReply);
export const KecamatanPage = PageOf(KecamatanReply);
