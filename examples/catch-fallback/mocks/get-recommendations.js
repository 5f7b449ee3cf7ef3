// The get-recommendations Lambda function: the recommendation service is down for customer
// cus-318 (the default input) and works for everyone else.
export default async function (event, context) {
  await context.sleep(350);
  if (event.customerId === 'cus-318') {
    throw context.error('Recommendations.Unavailable', 'The recommendation service did not answer in time');
  }
  return ['Trail map of the Alps', 'Merino beanie', 'Insulated bottle'].slice(0, event.limit);
}
