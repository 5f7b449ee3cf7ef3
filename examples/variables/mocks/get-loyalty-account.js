// The get-loyalty-account Lambda function: points and tier for three known customers.
const accounts = {
  'cus-501': { points: 820, tier: 'silver' },
  'cus-502': { points: 310, tier: 'gold' },
  'cus-503': { points: 40, tier: 'basic' },
};
export default async function (event, context) {
  await context.sleep(150);
  const account = accounts[event.customerId] ?? { points: 0, tier: 'basic' };
  return { customerId: event.customerId, ...account };
}
