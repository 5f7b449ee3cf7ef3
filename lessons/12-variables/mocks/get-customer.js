// The get-customer Lambda function: the shop's customer records.
const customers = {
  'c-311': { name: 'Ada Lovelace', email: 'ada@example.com', tier: 'gold' },
  'c-902': { name: 'Grace Hopper', email: 'grace@example.com', tier: 'standard' },
};

export default async function (event, context) {
  await context.sleep(150);
  const customer = customers[event.customerId];
  if (!customer) throw context.error('Customer.NotFound', `No customer ${event.customerId}`);
  return { customerId: event.customerId, ...customer };
}
