// Reserves the ordered quantity in the warehouse.
export default async function (event, context) {
  await context.sleep(150);
  return { reservationId: 'res-5520', sku: event.sku, quantity: event.quantity };
}
