// GET /hello/{name}: a greeting in the language the caller asks for (?lang=fr), English otherwise.
const greetings = { en: 'Hello', fr: 'Bonjour', de: 'Hallo', es: 'Hola' };

exports.handler = async (event) => {
  const name = event.pathParameters?.name ?? 'world';
  const word = greetings[event.queryStringParameters?.lang] ?? greetings.en;
  return { statusCode: 200, body: JSON.stringify({ message: `${word}, ${name}!` }) };
};
