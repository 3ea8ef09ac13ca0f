import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** Documents the optional `Idempotency-Key` header of a state-changing route. */
export const AcceptsIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Same key and same body within 24 hours: the first response, and no second change. Same key, different body: 422 IDEMPOTENCY_KEY_REUSED.',
    }),
  );
