export interface User {
  id: string;
  name: string;
  email: string;
  title?: string;
  createdAt: string;
  updatedAt: string;
}

export type UserInput = Pick<User, 'name' | 'email' | 'title'>;

export interface UserStore {
  put(user: User): Promise<void>;
  get(id: string): Promise<User | undefined>;
  list(): Promise<User[]>;
  delete(id: string): Promise<boolean>;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Every problem with a user as sent by a client; empty when it is usable. */
export function validate(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['the body must be a JSON object'];
  const body = input as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 100) problems.push('name is required (up to 100 characters)');
  if (typeof body.email !== 'string' || !EMAIL.test(body.email)) problems.push('email must be an e-mail address');
  if (body.title !== undefined && (typeof body.title !== 'string' || body.title.length > 100)) problems.push('title must be text up to 100 characters');
  const unknown = Object.keys(body).filter((key) => !['name', 'email', 'title'].includes(key));
  if (unknown.length > 0) problems.push(`unknown fields: ${unknown.join(', ')}`);
  return problems;
}

/** The users CRUD operations over any store. */
export class Users {
  constructor(
    private readonly store: UserStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async create(input: UserInput): Promise<User> {
    const now = this.clock().toISOString();
    const user: User = { id: this.newId(), ...clean(input), createdAt: now, updatedAt: now };
    await this.store.put(user);
    return user;
  }

  get(id: string): Promise<User | undefined> {
    return this.store.get(id);
  }

  async list(): Promise<User[]> {
    return (await this.store.list()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async update(id: string, input: UserInput): Promise<User | undefined> {
    const existing = await this.store.get(id);
    if (!existing) return undefined;
    const user: User = { ...clean(input), id, createdAt: existing.createdAt, updatedAt: this.clock().toISOString() };
    await this.store.put(user);
    return user;
  }

  delete(id: string): Promise<boolean> {
    return this.store.delete(id);
  }
}

function clean(input: UserInput): UserInput {
  return { name: input.name.trim(), email: input.email.toLowerCase(), ...(input.title ? { title: input.title.trim() } : {}) };
}
