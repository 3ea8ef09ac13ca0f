import { ArgumentsHost, Catch, Injectable, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import { requestPath, type HttpReply } from '../../common/http/http.js';
import { AllExceptionsFilter } from '../../common/http/exception.filter.js';
import { RefusalPage } from '../views/shared/RefusalPage.js';
import { refusalView } from './console-error.filter.js';
import type { ConsoleRequest } from './console-context.js';
import { ConsoleGuard } from './console.guard.js';
import { sendPage } from './respond.js';

/** Paths of the API and its tools: their unknown addresses keep the contract's JSON 404. */
const API_PATH = /^\/(api|docs|docs-json|health|\.well-known)(\/|$)/;

/**
 * An address no route claims. Under the API's paths it is the contract's JSON 404; anywhere else it
 * is a mistyped or outdated console address, answered with the console's own 404 page in the
 * visitor's language (Bahasa Indonesia by default), with the header and menu of whoever is signed in.
 * Registered as a global filter in http-setup.ts, ahead of the API's; everything else it passes on.
 */
@Catch(NotFoundException)
@Injectable()
export class ConsoleNotFoundFilter implements ExceptionFilter {
  private readonly api = new AllExceptionsFilter();

  constructor(private readonly guard: ConsoleGuard) {}

  async catch(exception: NotFoundException, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<ConsoleRequest>();
    const res = host.switchToHttp().getResponse<HttpReply>();
    const unrouted = /^Cannot [A-Z]+ /.test(exception.message);
    if (!unrouted || API_PATH.test(requestPath(req)) || res.sent) return this.api.catch(exception, host);
    try {
      const { context: c } = await this.guard.contextOf(req, res);
      sendPage(res, RefusalPage({ c, vm: refusalView(c.t, 404, 'NOT_FOUND', req) }), 404);
    } catch (err) {
      this.api.catch(err, host);
    }
  }
}
