import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators.js';
import { ApiCacheable } from '../common/http/api-responses.js';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { pageWindow, type Page, type PageQuery } from '../common/http/pagination.js';
import { regions } from '../common/reference/regions.js';
import { KecamatanSearchQuery, RegencySearchQuery, RegionSearchQuery } from './dto/region.dto.js';
import {
  KecamatanPage,
  ProvincePage,
  RegencyPage,
  type KecamatanReply,
  type ProvinceReply,
  type RegencyReply,
} from './dto/region.reply.js';

function paged<T>(items: T[], q: PageQuery): Page<T> {
  const { page, pageSize, skip } = pageWindow(q);
  return { items: items.slice(skip, skip + pageSize), page, pageSize, total: items.length };
}

/**
 * Indonesia's regions (data/reference, docs/reference-data.md): what the pickers offer and what a
 * client shows for a code. The same for everyone, so public and cacheable.
 */
@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  @ApiCacheable()
  @Get('provinces')
  @CsvExport()
  @Public()
  @ApiOperation({ summary: 'The 38 provinces with their Kemendagri codes (public)' })
  @ApiOkResponse({ type: ProvincePage })
  provinces(@Query() q: RegionSearchQuery): Page<ProvinceReply> {
    return paged(
      regions()
        .searchProvinces(q.q)
        .map((p) => ({ code: p.code, name: p.name })),
      q,
    );
  }

  @ApiCacheable()
  @Get('regencies')
  @CsvExport()
  @Public()
  @ApiOperation({
    summary: 'Regencies and cities (kabupaten/kota) of Indonesia, of one province when asked (public)',
    description: 'In code order; with q, names starting with it first. An unknown province gives an empty list.',
  })
  @ApiOkResponse({ type: RegencyPage })
  regencies(@Query() q: RegencySearchQuery): Page<RegencyReply> {
    return paged(
      regions()
        .searchRegencies({ province: q.province, q: q.q })
        .map((r) => ({
          code: r.code,
          compactCode: r.compactCode,
          provinceCode: r.provinceCode,
          type: r.type,
          name: r.name,
          fullName: r.fullName,
        })),
      q,
    );
  }

  @ApiCacheable()
  @Get('kecamatan')
  @CsvExport()
  @Public()
  @ApiOperation({
    summary: 'Kecamatan (so far those of South Sumatra), of one regency or city when asked (public)',
    description:
      'The codes a kecamatanCode may take. In code order; with q, names starting with it first. An unknown regency gives an empty list.',
  })
  @ApiOkResponse({ type: KecamatanPage })
  kecamatan(@Query() q: KecamatanSearchQuery): Page<KecamatanReply> {
    const list = regions();
    return paged(
      list.searchKecamatan({ regency: q.regency, q: q.q }).map((k) => ({
        code: k.code,
        bpsCode: k.bpsCode,
        name: k.name,
        regencyCode: k.regencyCode,
        regencyName: list.regency(k.regencyCode)?.fullName ?? k.regencyCode,
      })),
      q,
    );
  }
}
