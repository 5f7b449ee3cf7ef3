// The fetch-exchange-rate Lambda function: the rates API throttles attempts 1 to 3 and answers
// on attempt 4. With simulateOutage it never answers, so the retries run out.
export default async function (event, context) {
  await context.sleep(120);
  if (event.simulateOutage || context.attempt <= 3) {
    throw context.error('RatesApi.Throttled', `Too many requests (attempt ${context.attempt})`);
  }
  return { from: event.from, to: event.to, rate: 0.92, note: `answered on attempt ${context.attempt}` };
}
