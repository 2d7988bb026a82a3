// Sends the form to POST /check and shows the verdict. The API URL comes from config.json when the
// deploy publishes one, else from the form.
const form = document.getElementById('check');
const verdict = document.getElementById('verdict');

fetch('config.json')
  .then((response) => (response.ok ? response.json() : {}))
  .then((config) => { if (config.apiUrl) form.api.value = config.apiUrl; })
  .catch(() => {});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    name: form.name.value,
    email: form.email.value,
    amount: Number(form.amount.value),
    cardCountry: form.cardCountry.value,
  };
  if (form.ipCountry.value) body.ipCountry = form.ipCountry.value;
  verdict.textContent = 'Checking…';
  try {
    const response = await fetch(`${form.api.value.replace(/\/$/, '')}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    verdict.className = result.verdict ?? 'error';
    verdict.textContent = response.ok
      ? `${result.verdict} (score ${result.score})${result.reasons.length ? ': ' + result.reasons.join('; ') : ''}`
      : (result.problems ?? [result.message]).join('; ');
  } catch (error) {
    verdict.className = 'error';
    verdict.textContent = `The API did not answer: ${error.message}`;
  }
});
