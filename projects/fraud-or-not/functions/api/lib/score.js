'use strict';

const { distance } = require('fastest-levenshtein');

// Throwaway mailbox providers: a payment from one is a strong signal on its own.
const DISPOSABLE_DOMAINS = new Set(['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'trashmail.com', 'yopmail.com']);
const LARGE_AMOUNT = 1000;

/** Returns the problems with a check request, or an empty list when it is usable. */
function validate(request) {
  const problems = [];
  if (!request || typeof request !== 'object') return ['the body must be a JSON object'];
  if (typeof request.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(request.email)) problems.push('email must be an e-mail address');
  if (typeof request.name !== 'string' || request.name.trim() === '') problems.push('name is required');
  if (typeof request.amount !== 'number' || !(request.amount > 0)) problems.push('amount must be a positive number');
  if (typeof request.cardCountry !== 'string' || !/^[A-Z]{2}$/.test(request.cardCountry)) problems.push('cardCountry must be a two-letter country code');
  if (request.ipCountry !== undefined && (typeof request.ipCountry !== 'string' || !/^[A-Z]{2}$/.test(request.ipCountry))) {
    problems.push('ipCountry must be a two-letter country code when given');
  }
  return problems;
}

/** How far the mailbox name is from the card holder's name, 0 (same) to 1 (nothing alike). */
function nameMismatch(email, name) {
  const mailbox = email.split('@')[0].toLowerCase().replace(/[^a-z]/g, '');
  const holder = name.toLowerCase().replace(/[^a-z]/g, '');
  if (mailbox === '' || holder === '') return 1;
  return distance(mailbox, holder) / Math.max(mailbox.length, holder.length);
}

/** Scores a payment from 0 (fine) to 100 (fraud) and says why. */
function score(request) {
  const reasons = [];
  let total = 0;
  const domain = request.email.split('@')[1].toLowerCase();
  if (DISPOSABLE_DOMAINS.has(domain)) {
    total += 40;
    reasons.push(`disposable e-mail domain ${domain}`);
  }
  if (request.amount >= LARGE_AMOUNT) {
    total += 25;
    reasons.push(`amount ${request.amount} is at least ${LARGE_AMOUNT}`);
  }
  if (request.ipCountry && request.ipCountry !== request.cardCountry) {
    total += 25;
    reasons.push(`card from ${request.cardCountry} used from ${request.ipCountry}`);
  }
  if (nameMismatch(request.email, request.name) > 0.7) {
    total += 10;
    reasons.push('e-mail does not resemble the card holder name');
  }
  const value = Math.min(total, 100);
  const verdict = value >= 60 ? 'fraud' : value >= 30 ? 'review' : 'not-fraud';
  return { score: value, verdict, reasons };
}

module.exports = { validate, score, nameMismatch };
