// GET /quote: one quote, chosen by the request time unless ?n= picks one.
import { pick, quotes } from './quotes';

interface ApiEvent {
  queryStringParameters?: Record<string, string | undefined> | null;
}

export const handler = async (event: ApiEvent) => {
  const n = Number(event.queryStringParameters?.n ?? Date.now());
  const quote = pick(Number.isFinite(n) ? n : 0);
  return { statusCode: 200, body: JSON.stringify({ quote, of: quotes.length }) };
};
