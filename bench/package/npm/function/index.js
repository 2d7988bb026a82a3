// Loads every dependency at start, as a real function would: the handler check pays for it.
const { S3Client } = require('@aws-sdk/client-s3');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const axios = require('axios');
const express = require('express');
const _ = require('lodash');
const moment = require('moment');

const s3 = new S3Client({});
const dynamo = new DynamoDBClient({});
const app = express();

exports.handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ at: moment.utc(0).toISOString(), keys: _.keys(event || {}), clients: [typeof s3.send, typeof dynamo.send, typeof axios.get, typeof app.use] }),
});
