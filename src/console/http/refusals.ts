import { DomainError } from '../../common/domain-error.js';

export const signInRequired = () => new DomainError(401, 'UNAUTHENTICATED', 'Sign in to open this page.');

export const csrfRejected = () =>
  new DomainError(
    403,
    'CSRF_REJECTED',
    'The form could not be accepted: it is out of date or did not come from this site. Reload the page and try again.',
  );
