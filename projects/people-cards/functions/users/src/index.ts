import { DynamoDbStore } from './dynamodb-store';
import { Users, validate, type UserInput } from './users';

export interface ApiEvent {
  httpMethod: string;
  resource: string;
  body?: string | null;
  pathParameters?: Record<string, string> | null;
}

export interface ApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

function json(statusCode: number, body: unknown): ApiResult {
  return {
    statusCode,
    // The front end is served from another origin (CloudFront), so the API allows cross-origin calls.
    headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    body: statusCode === 204 ? '' : JSON.stringify(body),
  };
}

function parse(body: string | null | undefined): { input?: UserInput; error?: ApiResult } {
  let value: unknown;
  try {
    value = JSON.parse(body ?? '');
  } catch {
    return { error: json(400, { message: 'the body must be JSON' }) };
  }
  const problems = validate(value);
  return problems.length > 0 ? { error: json(400, { message: 'invalid user', problems }) } : { input: value as UserInput };
}

/** The API Gateway (REST, proxy integration) handler for the users CRUD API. */
export function createHandler(users: Users) {
  return async (event: ApiEvent): Promise<ApiResult> => {
    const id = event.pathParameters?.id ?? '';
    switch (`${event.httpMethod} ${event.resource}`) {
      case 'GET /health':
        return json(200, { status: 'ok' });
      case 'GET /users':
        return json(200, { users: await users.list() });
      case 'POST /users': {
        const { input, error } = parse(event.body);
        return error ?? json(201, await users.create(input!));
      }
      case 'GET /users/{id}': {
        const user = await users.get(id);
        return user ? json(200, user) : json(404, { message: `no user ${id}` });
      }
      case 'PUT /users/{id}': {
        const { input, error } = parse(event.body);
        if (error) return error;
        const user = await users.update(id, input!);
        return user ? json(200, user) : json(404, { message: `no user ${id}` });
      }
      case 'DELETE /users/{id}':
        return (await users.delete(id)) ? json(204, null) : json(404, { message: `no user ${id}` });
      default:
        return json(404, { message: `no route ${event.httpMethod} ${event.resource}` });
    }
  };
}

let live: ReturnType<typeof createHandler> | undefined;

export const handler = (event: ApiEvent): Promise<ApiResult> => {
  live ??= createHandler(new Users(new DynamoDbStore(process.env.TABLE_NAME ?? '')));
  return live(event);
};
