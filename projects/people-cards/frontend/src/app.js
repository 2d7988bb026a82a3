// Lists the people as cards and adds new ones through the users API. The API URL comes from
// config.json when the deploy publishes one, else from the form.
const settings = document.getElementById('settings');
const add = document.getElementById('add');
const cards = document.getElementById('cards');
const status = document.getElementById('status');

const api = (path, options) => fetch(`${settings.api.value.replace(/\/$/, '')}${path}`, options);

function card(user) {
  const article = document.createElement('article');
  const name = document.createElement('h3');
  name.textContent = user.name;
  const details = document.createElement('p');
  details.textContent = [user.title, user.email].filter(Boolean).join(' · ');
  const remove = document.createElement('button');
  remove.textContent = 'Remove';
  remove.addEventListener('click', async () => {
    await api(`/users/${encodeURIComponent(user.id)}`, { method: 'DELETE' });
    await load();
  });
  article.append(name, details, remove);
  return article;
}

async function load() {
  try {
    const response = await api('/users');
    const { users } = await response.json();
    cards.replaceChildren(...users.map(card));
    status.textContent = `${users.length} people`;
  } catch (error) {
    status.textContent = `The API did not answer: ${error.message}`;
  }
}

settings.addEventListener('submit', (event) => { event.preventDefault(); load(); });

add.addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = { name: add.name.value, email: add.email.value };
  if (add.title.value) user.title = add.title.value;
  const response = await api('/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (response.ok) {
    add.reset();
    await load();
  } else {
    status.textContent = ((await response.json()).problems ?? ['could not add']).join('; ');
  }
});

fetch('config.json')
  .then((response) => (response.ok ? response.json() : {}))
  .then((config) => { if (config.apiUrl) { settings.api.value = config.apiUrl; load(); } })
  .catch(() => {});
