/** Card look-up (GET /v1/cards/{number}): the card's state and its holder. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type CardLookup = Schemas['CardLookup'];

export const cardQuery = (number: string) =>
  queryOptions({
    queryKey: ['card', number],
    queryFn: () => unwrap(api.GET('/v1/cards/{number}', { params: { path: { number } } })),
  });
