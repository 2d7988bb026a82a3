import type { User, UserStore } from './users';

type Item = Record<string, { S: string }>;

function toItem(user: User): Item {
  const item: Item = {};
  for (const [key, value] of Object.entries(user)) if (value !== undefined) item[key] = { S: String(value) };
  return item;
}

function fromItem(item: Item): User {
  return Object.fromEntries(Object.entries(item).map(([key, value]) => [key, value.S])) as unknown as User;
}

/** Users in a DynamoDB table keyed by id. */
export class DynamoDbStore implements UserStore {
  private sdk?: Promise<any>;
  private client?: any;

  constructor(private readonly tableName: string) {}

  private async send(commandName: string, input: object): Promise<any> {
    this.sdk ??= import('@aws-sdk/client-dynamodb');
    const sdk = await this.sdk;
    this.client ??= new sdk.DynamoDBClient({});
    return this.client.send(new sdk[commandName]({ TableName: this.tableName, ...input }));
  }

  async put(user: User): Promise<void> {
    await this.send('PutItemCommand', { Item: toItem(user) });
  }

  async get(id: string): Promise<User | undefined> {
    const result = await this.send('GetItemCommand', { Key: { id: { S: id } } });
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async list(): Promise<User[]> {
    // People cards is a directory of a team, not a large table: one page of a scan is the list.
    const result = await this.send('ScanCommand', { Limit: 500 });
    return (result.Items ?? []).map(fromItem);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.send('DeleteItemCommand', { Key: { id: { S: id } }, ReturnValues: 'ALL_OLD' });
    return result.Attributes !== undefined;
  }
}
