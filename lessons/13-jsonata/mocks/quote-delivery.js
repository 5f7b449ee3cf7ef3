// The quote-delivery Lambda function: delivery costs 3.50 in GB and 6.00 elsewhere, and is free
// for orders of 50 or more.
export default async function (event, context) {
  await context.sleep(150);
  if (typeof event.amount !== 'number') {
    throw context.error('Delivery.InvalidRequest', `amount must be a number, got ${JSON.stringify(event.amount)}`);
  }
  const subtotal = Math.round(event.amount * 100) / 100;
  const delivery = subtotal >= 50 ? 0 : event.country === 'GB' ? 3.5 : 6;
  return { orderId: event.orderId, subtotal, delivery, total: Math.round((subtotal + delivery) * 100) / 100 };
}
