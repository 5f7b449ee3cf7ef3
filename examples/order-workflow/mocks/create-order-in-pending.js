// Creates the order in the PENDING state.
export default async function (event, context) {
  await context.sleep(120);
  return {
    orderId: 'ord-1001',
    amount: event.amount,
    sku: event.sku,
    quantity: event.quantity,
    status: 'PENDING',
  };
}
