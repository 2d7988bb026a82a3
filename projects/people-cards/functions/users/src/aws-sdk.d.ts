// The AWS SDK v3 ships with the Lambda Node.js runtime and is left out of the bundle (--external:@aws-sdk/*);
// it is not installed here, so it is typed loosely.
declare module '@aws-sdk/client-dynamodb';
