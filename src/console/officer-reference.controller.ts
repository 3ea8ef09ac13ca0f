import { Controller, Get, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { HttpReply } from '../common/http/http.js';
import { OfficesService } from '../offices/offices.service.js';
import { ReferenceCodes, ReferenceFileError } from '../reference/reference-codes.service.js';
import { isReferenceList, LIST_SHAPES, type ReferenceList } from '../reference/reference-lists.js';
import { Ctx, ForRoles, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { ConsoleUpload, UploadedFormFile, type UploadedForm } from './http/console-upload.js';
import { sendPage } from './http/respond.js';
import { errorText } from './i18n/errors.js';
import { ReferencePage, type ReferenceView } from './views/officer/ReferencePage.js';

/** The officer's page of code lists (`/petugas/referensi`): counts per list, and a newer CSV for each. */
@ApiExcludeController()
@Public()
@ForRoles('officer')
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('petugas/referensi')
export class OfficerReferenceConsoleController {
  constructor(
    private readonly codes: ReferenceCodes,
    private readonly offices: OfficesService,
  ) {}

  @Get()
  async page(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, ReferencePage({ c, vm: await this.view(c, null) }));
  }

  /** A newer list, uploaded: the page again, saying what changed or — in the officer's language — which line is wrong. */
  @Post(':list')
  @ConsoleUpload('file')
  async upload(
    @Ctx() c: ConsoleContext,
    @Param('list') list: string,
    @UploadedFormFile() file: UploadedForm | undefined,
    @Res() res: HttpReply,
  ) {
    if (!isReferenceList(list)) throw notFound('The reference list');
    const t = c.t;
    if (this.offices.officeOf(c.user!) !== this.offices.root().id) {
      const text = t('reference.topOnly', { office: this.offices.root().name });
      sendPage(res, ReferencePage({ c, vm: await this.view(c, { list, kind: 'error', text }) }), 403);
      return;
    }
    if (!file || file.size === 0 || file.tooLarge) {
      const text = file?.tooLarge ? errorText(t, new DomainError(413, 'PAYLOAD_TOO_LARGE', '')) : t('reference.noFile');
      sendPage(res, ReferencePage({ c, vm: await this.view(c, { list, kind: 'error', text }) }), 400);
      return;
    }
    try {
      const r = await this.codes.replace(c.user!, list, file.buffer.toString('utf8'));
      const text = t('reference.loaded', { ...r });
      sendPage(res, ReferencePage({ c, vm: await this.view(c, { list, kind: 'success', text }) }));
    } catch (err) {
      if (!(err instanceof ReferenceFileError)) throw err;
      const text = t(`reference.problem.${err.problem}`, {
        line: err.line,
        header: LIST_SHAPES[list].header.join(','),
        count: LIST_SHAPES[list].header.length,
      });
      sendPage(res, ReferencePage({ c, vm: await this.view(c, { list, kind: 'error', text }) }), 400);
    }
  }

  private async view(c: ConsoleContext, outcome: ReferenceView['outcome']): Promise<ReferenceView> {
    const top = this.offices.root();
    const lists = (await this.codes.summaries()).map((s) => ({
      ...s,
      header: LIST_SHAPES[s.list as ReferenceList].header.join(','),
    }));
    return { lists, outcome, loadedBy: this.offices.officeOf(c.user!) === top.id ? null : top.name };
  }
}
