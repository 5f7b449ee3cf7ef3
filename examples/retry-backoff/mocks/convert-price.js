// The convert-price Lambda function: applies the rate and rounds to cents.
export default async function (event, context) {
  return { amount: Math.round(event.amount * event.rate * 100) / 100, currency: event.currency };
}
