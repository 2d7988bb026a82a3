import type { User, UserStore } from './users';

/** A store in memory: for tests, and for running the handler locally. */
export class MemoryStore implements UserStore {
  readonly users = new Map<string, User>();

  async put(user: User): Promise<void> {
    this.users.set(user.id, { ...user });
  }

  async get(id: string): Promise<User | undefined> {
    const user = this.users.get(id);
    return user && { ...user };
  }

  async list(): Promise<User[]> {
    return [...this.users.values()].map((user) => ({ ...user }));
  }

  async delete(id: string): Promise<boolean> {
    return this.users.delete(id);
  }
}
