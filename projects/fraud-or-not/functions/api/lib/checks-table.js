'use strict';

/**
 * Records each scored check in DynamoDB. The AWS SDK v3 ships with the Lambda Node.js runtime,
 * so it is loaded from there rather than bundled.
 */
function dynamoDbChecks(tableName) {
  let client;
  return {
    async record(check) {
      // eslint-disable-next-line global-require
      const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
      client ??= new DynamoDBClient({});
      await client.send(new PutItemCommand({
        TableName: tableName,
        Item: {
          id: { S: check.id },
          createdAt: { S: check.createdAt },
          score: { N: String(check.score) },
          verdict: { S: check.verdict },
        },
      }));
    },
  };
}

module.exports = { dynamoDbChecks };
